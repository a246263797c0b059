/**
 * The core entry is browser-safe: bundled by esbuild for platform=browser it pulls in no Node built-in, and the
 * bundle loads and works in a bare JavaScript realm with no `process`, `Buffer` or `require`.
 * (Its size is a goal in bench/browserBundle.ts, not a test.)
 */
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build, type Plugin } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Records every import of a Node built-in (and who imports it) instead of failing the build at the first. */
function recordNodeBuiltins(found: string[]): Plugin {
  return {
    name: "record-node-builtins",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.startsWith("node:") ? args.path : (args.path.split("/")[0] ?? "");
        if (!NODE_BUILTINS.has(bare) && !args.path.startsWith("node:")) return undefined;
        found.push(`${args.path} (imported by ${args.importer.replace(/^.*node_modules\//, "")})`);
        return { path: args.path, external: true };
      });
    },
  };
}

let bundle = "";
let bundledSources: string[] = [];
const nodeImports: string[] = [];

beforeAll(async () => {
  // Everything is bundled, @azure/identity too: esbuild picks each package's browser build, as an app's bundler would.
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "diagnostics",
    write: false,
    logLevel: "silent",
    metafile: true,
    plugins: [recordNodeBuiltins(nodeImports)],
  });
  bundle = result.outputFiles[0]?.text ?? "";
  bundledSources = Object.keys(result.metafile.inputs);
}, 60_000);

/** A realm with what browsers have and nothing Node adds. */
function browserRealm(): Record<string, unknown> {
  const realm: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    AbortSignal,
    Event,
    EventTarget,
    atob,
    btoa,
    crypto: globalThis.crypto,
    performance,
    navigator: { userAgent: "Mozilla/5.0 (test realm)" },
  };
  realm.globalThis = realm;
  realm.self = realm;
  realm.window = realm;
  return createContext(realm);
}

describe("core entry in a browser", () => {
  it("imports no Node built-in module, directly or through a dependency", () => {
    expect(bundle.length).toBeGreaterThan(0);
    expect(nodeImports).toEqual([]);
  });

  it("reaches node:diagnostics_channel only at run time, through process.getBuiltinModule", () => {
    expect(bundle).toContain('getBuiltinModule?.("node:diagnostics_channel")');
  });

  it("carries the knowledge entries but none of their examples (the ./knowledge subpath has those)", () => {
    expect(bundledSources.some((path) => path.startsWith("src/knowledge/entries/"))).toBe(true);
    expect(bundledSources.filter((path) => path.startsWith("src/knowledge/examples/"))).toEqual([]);
  });

  it("loads in a realm without process, Buffer or require", () => {
    const realm = browserRealm();
    expect(runInContext("typeof process + typeof Buffer + typeof require", realm)).toBe(
      "undefinedundefinedundefined",
    );
    runInContext(bundle, realm);
    expect(runInContext("Object.keys(diagnostics).sort()", realm)).toEqual(
      expect.arrayContaining(["DiagnosticCredential", "explainAuthError", "renderDiagnosis", "getDiagnosis"]),
    );
  });

  it("explains an error and renders it without touching Node globals", () => {
    const realm = browserRealm();
    runInContext(bundle, realm);
    const out = runInContext(
      `const d = diagnostics.explainAuthError(new Error("AADSTS7000215: Invalid client secret provided."));
       [d.stsCode, d.matches[0] && d.matches[0].id, diagnostics.renderDiagnosis(d).length > 0]`,
      realm,
    ) as unknown[];
    expect(out).toEqual(["AADSTS7000215", "client-secret-invalid", true]);
  });

  it("wraps a credential and reports success and failure, events included, without touching Node globals", async () => {
    const realm = browserRealm();
    runInContext(bundle, realm);
    const run = runInContext(
      `(async () => {
         const events = [];
         let calls = 0;
         const inner = {
           getToken: async () => {
             if (++calls === 2) {
               const err = new Error("AADSTS7000215: Invalid client secret provided.");
               err.name = "AuthenticationError";
               throw err;
             }
             return { token: "not-a-jwt", expiresOnTimestamp: 1 };
           },
         };
         const credential = new diagnostics.DiagnosticCredential(inner, {
           onEvent: (e) => events.push(e.type),
           timeoutMs: 1000,
         });
         const token = await credential.getToken("https://management.azure.com/.default");
         let failure = null;
         try { await credential.getToken("https://management.azure.com/.default"); }
         catch (err) { failure = diagnostics.getDiagnosis(err)?.stsCode ?? "no diagnosis"; }
         return { token: token && token.token, failure, events };
       })()`,
      realm,
    ) as Promise<{ token: string; failure: string; events: string[] }>;
    const result = await run;
    expect(result.token).toBe("not-a-jwt");
    expect(result.failure).toBe("AADSTS7000215");
    expect(result.events).toEqual(
      expect.arrayContaining(["token.request", "token.success", "token.failure"]),
    );
  });
});
