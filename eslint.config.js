// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Dependencies point one way: knowledge <- diagnosis <- explainAuthError / events <- diagnosticCredential
 * <- opentelemetry, and cli -> node, never node -> cli. Each layer lists the folders and files above it, which it
 * must not import. Matched against the import specifier, so `../../events/types.js` is caught at any depth.
 */
const layer = (name) => `(?:^|/)${name}(?:/|\\.js$|$)`;
const ABOVE_KNOWLEDGE = [
  "diagnosis",
  "explainAuthError",
  "events",
  "chainMembers",
  "callRecord",
  "diagnosticCredential",
];
const ABOVE_CORE = ["opentelemetry", "node", "cli"];

/** One `no-restricted-imports` block: files in `files` must not import any of `layers`. */
function forbidImports(files, layers, why) {
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "azure-identity-diagnostics", message: "Import the module itself, not the package." },
          ],
          patterns: layers.map((name) => ({ regex: layer(name), message: `${why} (see eslint.config.js).` })),
        },
      ],
    },
  };
}

const layering = [
  forbidImports(
    ["src/knowledge/**"],
    [...ABOVE_KNOWLEDGE, ...ABOVE_CORE],
    "knowledge is data and its schema only",
  ),
  forbidImports(
    ["src/diagnosis/**"],
    [...ABOVE_KNOWLEDGE.filter((n) => n !== "diagnosis"), ...ABOVE_CORE],
    "diagnosis builds on knowledge alone",
  ),
  forbidImports(
    ["src/events/**", "src/explainAuthError.ts"],
    ["chainMembers", "callRecord", "diagnosticCredential", ...ABOVE_CORE],
    "events and explainAuthError sit below DiagnosticCredential",
  ),
  forbidImports(
    ["src/diagnosticCredential.ts", "src/chainMembers.ts", "src/callRecord.ts", "src/index.ts"],
    ABOVE_CORE,
    "the core entry never reaches the OpenTelemetry, Node or CLI layers",
  ),
  forbidImports(
    ["src/opentelemetry/**"],
    ["node", "cli"],
    "the OpenTelemetry handler builds on the core only",
  ),
  forbidImports(["src/node/**"], ["cli"], "node never imports cli; cli imports node"),
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "docs/**", "site/**"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  ...layering,
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
  },
);
