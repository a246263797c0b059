/**
 * docs/observability.md and the names the handler writes cannot drift apart: every name is documented, and
 * every `azure.identity.*` name the page mentions is one the handler writes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  IDENTITY_ATTRIBUTES,
  IDENTITY_METRICS,
  IDENTITY_SPAN_EVENTS,
} from "azure-identity-diagnostics/opentelemetry";

const page = readFileSync(new URL("../../docs/observability.md", import.meta.url), "utf8");
const names = [
  ...Object.values(IDENTITY_ATTRIBUTES),
  ...Object.values(IDENTITY_METRICS),
  ...Object.values(IDENTITY_SPAN_EVENTS),
];

describe("docs/observability.md", () => {
  it("documents every attribute, span event and metric the handler writes", () => {
    const missing = names.filter((name) => !page.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it("mentions no azure.identity name the handler does not write", () => {
    const mentioned = new Set(page.match(/`azure\.identity\.[a-z_.]+`/g)?.map((m) => m.slice(1, -1)));
    expect([...mentioned].filter((name) => !names.includes(name as never))).toEqual([]);
  });

  it("has one row per attribute in the attribute table", () => {
    const rows = page
      .split("\n")
      .filter((line) => /^\| `[a-z_.]+` +\| (string|int|boolean|string\[\]) /.test(line));
    expect(rows.map((row) => row.split("`")[1]).sort()).toEqual(Object.values(IDENTITY_ATTRIBUTES).sort());
  });
});
