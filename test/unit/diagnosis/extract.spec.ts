import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/diagnosis/extract.js";
import { normaliseError, unescapedText } from "../../../src/diagnosis/normalise.js";

const TRACE = "317bbb14-65ae-4ffd-a436-41f37dcb161a";
const CORRELATION = "6a9bb2c4-138b-4edc-a012-0388bda40df5";

function facts(text: string) {
  return extractFacts(normaliseError(text));
}

describe("facts read from every envelope", () => {
  it("reads MSAL's JSON reply, also when it is quoted inside a string with escaped line breaks", () => {
    const json = `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: ${TRACE}\\r\\nCorrelation ID: ${CORRELATION}\\r\\nTimestamp: 2019-11-19 14:15:34Z","error_codes":[7000215],"timestamp":"2019-11-19 14:15:34Z","trace_id":"${TRACE}","correlation_id":"${CORRELATION}"}`;
    const quoted = `adal: Refresh request failed. Status Code = '401'. Response body: ${JSON.stringify(json)}`;
    for (const text of [json, quoted]) {
      const f = facts(text);
      expect(f.stsCodes).toEqual(["AADSTS7000215"]);
      expect(f.traceId).toBe(TRACE);
      expect(f.correlationId).toBe(CORRELATION);
      expect(f.timestamp).toBe("2019-11-19 14:15:34Z");
    }
    expect(facts(quoted).httpStatus).toBe(401);
  });

  it("reads msal-node's [timestamp] prefix", () => {
    const f = facts(
      "ServerError: invalid_client: 7000218 - [2020-09-25 07:40:47Z]: AADSTS7000218: The request body must contain client_assertion.",
    );
    expect(f.timestamp).toBe("2020-09-25 07:40:47Z");
  });

  it("takes the token service's timestamp, not the time of the log line that printed it", () => {
    const line = `{"timestamp":"2024-05-01T05:44:30.120Z","level":"error","msg":"AADSTS50166: Request to External OIDC endpoint failed. Trace ID: ${TRACE} Correlation ID: ${CORRELATION} Timestamp: 2024-05-01 05:44:24Z"}`;
    expect(facts(line).timestamp).toBe("2024-05-01 05:44:24Z");
    expect(facts(`##[error]${line}`).timestamp).toBe("2024-05-01 05:44:24Z");
  });

  it("reads an ID printed on the next line, inside PowerShell's frame", () => {
    const f = facts(
      `     | External OIDC endpoint failed. Trace ID:\n     | ${TRACE} Correlation ID:\n  ${CORRELATION}`,
    );
    expect(f.traceId).toBe(TRACE);
    expect(f.correlationId).toBe(CORRELATION);
  });

  it.each([
    ["Get Token request returned http error: 400 and server response: {}", 400],
    ["##[error]Error: Get Token request returned http error: 401 and server response: ", 401],
    ["Response status code does not indicate success: 401 (Unauthorized).", 401],
    ["Response status code does not indicate success: Forbidden (403); Substatus: 5300", 403],
    ["Service request failed.\\r\\nStatus: 403 (Forbidden)\\r\\n\\r\\nHeaders:", 403],
    ["The remote server returned an error: (400) Bad Request.", 400],
    ["POST https://login.microsoftonline.com/t/oauth2/v2.0/token\n----\nRESPONSE 401: 401 Unauthorized", 401],
    ["(POST) error: reply status code was 400:\\n{}", 400],
    ['{"statusCode":401,"message":"Unauthorized"}', 401],
    ["HTTP/1.1 401 Unauthorized", 401],
    ["HTTP 401 (PermissionDenied)", 401],
    ["requests.exceptions.HTTPError: 401 Client Error: PermissionDenied for url", 401],
    ["print(resp) -> <Response [401]>", 401],
    ["ManagedIdentityCredential: Status code: 400", 400],
    // Java's HttpURLConnection, the browser console, VS Code's Azure extensions, .NET's status names.
    ["java.io.IOException: Server returned HTTP response code: 403 for URL: http://contoso.test/x", 403],
    ["POST https://login.microsoftonline.com/t/oauth2/v2.0/token 400 (Bad Request)", 400],
    ["Action: contoso.deploy\nError type: 403\nError Message: Failed.", 403],
    ["Status: BadRequest\nContent:\n{}", 400],
    ["Get-AzKeyVaultSecret : Operation returned an invalid status code 'Forbidden'", 403],
    // A redirect where a token answer was expected is the failing response.
    ["Http status code: 302\nHttp status message: Found", 302],
  ])("reads the status of %j", (text, status) => {
    expect(facts(text).httpStatus).toBe(status);
  });

  it("does not take a status name other than a whole .NET HttpStatusCode name", () => {
    expect(facts("Status: BadRequestPending").httpStatus).toBeNull();
  });

  it("leaves a status that was never printed unknown", () => {
    expect(
      facts('{"error":{"code":"Forbidden","message":"Caller is not authorized"}}').httpStatus,
    ).toBeNull();
  });
});

describe("unescapedText", () => {
  it("turns escaped line breaks and quotes, however deeply escaped, into the characters they stand for", () => {
    expect(unescapedText(String.raw`a\r\nb\\\\r\\\\nc\"d\\\"e\tf`)).toBe('a\nb\nc"d"e\tf');
  });
});
