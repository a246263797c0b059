import { describe, expect, it } from "vitest";
import { explainAuthError, renderDiagnosis } from "../../../src/index.js";

const MSAL_TEXT =
  "invalid_client: Error(s): 7000215 - Timestamp: 2026-11-22 10:00:00Z - Description: AADSTS7000215: Invalid client secret provided. Trace ID: 03da4b8e-5ffe-48ca-9754-aff4276f0100 Correlation ID: 7b12f9bb-2eef-42e3-ad75-eee69ec9088d Timestamp: 2026-11-22 10:00:00Z - Correlation ID: 7b12f9bb-2eef-42e3-ad75-eee69ec9088d - Trace ID: 03da4b8e-5ffe-48ca-9754-aff4276f0100";

describe("renderDiagnosis", () => {
  const diagnosis = explainAuthError(MSAL_TEXT);

  it("says what failed, why, what to do and what to quote to support", () => {
    const text = renderDiagnosis(diagnosis);
    const top = diagnosis.matches[0];
    expect(top).toBeDefined();
    expect(text).toContain(diagnosis.summary);
    expect(text).toContain(top?.cause ?? "missing");
    expect(text).toContain(`1. ${top?.mitigations[0] ?? "missing"}`);
    expect(text).toContain("Correlation ID: 7b12f9bb-2eef-42e3-ad75-eee69ec9088d");
    expect(text).toContain("Trace ID:       03da4b8e-5ffe-48ca-9754-aff4276f0100");
    expect(text).toContain("Timestamp:      2026-11-22 10:00:00Z");
    expect(text).toContain("https://login.microsoftonline.com/error?code=7000215");
  });

  it("uses no colour unless asked", () => {
    expect(renderDiagnosis(diagnosis)).not.toContain("\u001b[");
    expect(renderDiagnosis(diagnosis, { color: true })).toContain("\u001b[31m");
  });

  it("shows one line per chain member", () => {
    const aggregate = [
      "ChainedTokenCredential authentication failed.",
      "CredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used.",
      "CredentialUnavailableError: Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
      `AuthenticationRequiredError: ${MSAL_TEXT}`,
    ].join("\n");
    const text = renderDiagnosis(explainAuthError(aggregate));
    const memberLines = text.split("\n").filter((line) => /^ {2}\[(--|XX|ok|\.\.)\]/.test(line));
    expect(memberLines).toHaveLength(3);
    expect(memberLines[2]).toContain("[XX]");
  });

  it("falls back to the original message when nothing matched", () => {
    const text = renderDiagnosis(explainAuthError("something nobody has seen before"));
    expect(text).toContain("Original message");
    expect(text).toContain("something nobody has seen before");
  });
});
