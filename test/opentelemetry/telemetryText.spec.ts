import { describe, expect, it } from "vitest";
import { toTelemetryText } from "../../src/opentelemetry/telemetryText.js";

describe("toTelemetryText", () => {
  it("masks user principal names that a tool or service quoted", () => {
    expect(toTelemetryText("Signed in as 'ada@contoso.example', but AADSTS50076 requires MFA.")).toBe(
      "Signed in as [USER] but AADSTS50076 requires MFA.",
    );
  });

  it("leaves text without an address unchanged, including codes and URLs", () => {
    const text =
      "AADSTS7000215: Invalid client secret. Trace ID: 0a1b. See https://login.microsoftonline.com/error";
    expect(toTelemetryText(text)).toBe(text);
  });

  it("redacts tokens again as a backstop", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    expect(toTelemetryText(`Authorization failed for ${jwt}`)).not.toContain(jwt);
  });

  it("bounds the length so one message cannot fill a backend's attribute limit", () => {
    const result = toTelemetryText("x".repeat(10_000));
    expect(result.length).toBeLessThanOrEqual(2048);
    expect(result.endsWith("…")).toBe(true);
  });
});
