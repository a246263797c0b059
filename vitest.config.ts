import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// The compat matrix (scripts/compat.sh) swaps in another installed identity version, e.g. `@azure/identity-4.0`.
// Named outside identity's `IDENTITY_` prefix, which the lab strips from each test's environment.
const identityPackage = process.env.COMPAT_IDENTITY_PACKAGE ?? "@azure/identity";

// One id per run, where the lab scenarios record the knowledge entries they produced (test/lab/harness). Kept in
// process.env because the config is evaluated more than once per run (once per project).
process.env.LAB_RUN_ID ??= randomUUID();

/** Reads what the lab scenarios recorded, so it runs after every other spec file (see the file). */
const LAB_COVERAGE = "test/lab/knowledgeCoverage.spec.ts";

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; tests run them against the sources.
    alias: {
      // Before the package name: the first alias that prefixes an import wins.
      "azure-identity-diagnostics/opentelemetry": fileURLToPath(
        new URL("./src/opentelemetry/index.ts", import.meta.url),
      ),
      "azure-identity-diagnostics/knowledge": fileURLToPath(
        new URL("./src/knowledge/examples/index.ts", import.meta.url),
      ),
      "azure-identity-diagnostics/node": fileURLToPath(new URL("./src/node/index.ts", import.meta.url)),
      "azure-identity-diagnostics": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
      // Matches the name exactly or with a subpath, so `@azure/identity-vscode` and the like are left alone.
      ...(["", "@azure/identity"].includes(identityPackage) ? {} : { "@azure/identity": identityPackage }),
    },
  },
  test: {
    // Every test process refuses connections beyond loopback (see the file).
    setupFiles: ["test/setup/networkGuard.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    env: { LAB_RUN_ID: process.env.LAB_RUN_ID },
    projects: [
      {
        extends: true,
        test: {
          name: "tests",
          include: ["test/**/*.spec.ts"],
          exclude: [...configDefaults.exclude, LAB_COVERAGE],
        },
      },
      { extends: true, test: { name: "lab coverage", include: [LAB_COVERAGE], sequence: { groupOrder: 1 } } },
    ],
  },
});
