/**
 * The realistic inputs `explainAuthError` is measured and checked on: errors people pasted into public GitHub threads
 * (the real-world corpus, without its held-out fresh batch), every accuracy-corpus message (pasted text from ten
 * runtimes and tools) and error objects shaped exactly as @azure/identity and core-rest-pipeline throw them.
 */
import { readFileSync } from "node:fs";
import { createHttpHeaders, createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import {
  AggregateAuthenticationError,
  AuthenticationError,
  AuthenticationRequiredError,
  CredentialUnavailableError,
} from "@azure/identity";
import { CORPUS_FILES } from "../test/knowledge/corpus/score.js";
import { loadRealWorld } from "../test/knowledge/realWorld/score.js";

/** The real-world corpus's messages; its default folder holds no fresh batch (that is a subfolder). */
export function realWorldMessages(): string[] {
  return loadRealWorld().map((record) => record.text);
}

export function corpusMessages(): string[] {
  return CORPUS_FILES.flatMap((file) => {
    const url = new URL(`../test/knowledge/corpus/${file}.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { text: string }[]).map((item) => item.text);
  });
}

export function identityErrors(): unknown[] {
  const correlation = "6a9bb2c4-138b-4edc-a012-0388bda40df5";
  const secretRefused = new AuthenticationError(401, {
    error: "invalid_client",
    error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: 317bbb14-65ae-4ffd-a436-41f37dcb161a\r\nCorrelation ID: ${correlation}\r\nTimestamp: 2024-10-14 12:31:06Z`,
    error_codes: [7000215],
    timestamp: "2024-10-14 12:31:06Z",
    trace_id: "317bbb14-65ae-4ffd-a436-41f37dcb161a",
    correlation_id: correlation,
  });
  const unavailable = new CredentialUnavailableError(
    "EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
  );
  const cliMissing = new CredentialUnavailableError(
    "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
  );
  const chain = new AggregateAuthenticationError(
    [
      unavailable,
      cliMissing,
      new CredentialUnavailableError("ManagedIdentityCredential: Network unreachable."),
    ],
    "ChainedTokenCredential authentication failed.",
  );
  const required = new AuthenticationRequiredError({
    scopes: ["https://management.azure.com/.default"],
    message: "Automatic authentication has been disabled. You may call the authentication() method.",
  });
  const request = createPipelineRequest({ url: "https://127.0.0.1/subscriptions/0000" });
  const forbidden = new RestError("The client does not have authorization to perform action", {
    statusCode: 403,
    code: "AuthorizationFailed",
    request,
    response: {
      status: 403,
      request,
      headers: createHttpHeaders({ "x-ms-correlation-request-id": correlation }),
      bodyAsText: JSON.stringify({
        error: {
          code: "AuthorizationFailed",
          message:
            "The client '11111111-2222-3333-4444-555555555555' with object id '11111111-2222-3333-4444-555555555555' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions/0000' or the scope is invalid.",
        },
      }),
    },
  });
  const msal = Object.assign(
    new Error("invalid_grant: AADSTS700024: Client assertion is not within its valid time range."),
    {
      name: "ServerError",
      errorCode: "invalid_grant",
      subError: "",
      correlationId: correlation,
    },
  );
  return [secretRefused, unavailable, cliMissing, chain, required, forbidden, msal];
}
