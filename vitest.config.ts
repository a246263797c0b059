import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The compat matrix (scripts/compat.sh) swaps in another installed identity version, e.g. `@azure/identity-4.0`.
// Named outside identity's `IDENTITY_` prefix, which the lab strips from each test's environment.
const identityPackage = process.env.COMPAT_IDENTITY_PACKAGE ?? "@azure/identity";

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; tests run them against the sources.
    alias: {
      // Before the package name: the first alias that prefixes an import wins.
      "azure-identity-diagnostics/opentelemetry": fileURLToPath(
        new URL("./src/opentelemetry/index.ts", import.meta.url),
      ),
      "azure-identity-diagnostics": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
      // Matches the name exactly or with a subpath, so `@azure/identity-vscode` and the like are left alone.
      ...(["", "@azure/identity"].includes(identityPackage) ? {} : { "@azure/identity": identityPackage }),
    },
  },
  test: {
    include: ["test/**/*.spec.ts"],
    // Every test process refuses connections beyond loopback (see the file).
    setupFiles: ["test/setup/networkGuard.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
