/**
 * One scenario file's lab: the fakes started once per file, a clean environment per test, and the values a leak
 * check must never find. `useLab()` registers the vitest hooks and returns the lab, ready inside tests.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { isolateEnv, type IsolatedEnv } from "../harness/env.js";
import { createFakeTools, type FakeTools } from "../harness/fakeTools.js";
import { startFakePipelines, PIPELINES, type FakePipelines } from "../harness/fakePipelines.js";
import { startFakeResource, type FakeResource } from "../harness/fakeResource.js";
import { startFakeSts, type FakeSts } from "../harness/fakeSts.js";
import {
  writeFederatedTokenFile,
  type FederatedTokenFile,
  type FederatedTokenClaims,
} from "../harness/federatedTokenFile.js";
import { clientCertificates, trustTestCa } from "../harness/tls.js";

/** Secret values scenarios hand to credentials; none may appear in anything the library emits. */
export const SECRETS = {
  clientSecret: "lab-client-secret-value-DO-NOT-PRINT-31f9",
  wrongSecret: "lab-wrong-secret-value-DO-NOT-PRINT-8c2e",
  userPassword: "lab-user-password-DO-NOT-PRINT-a71d",
  certificatePassword: clientCertificates.encryptedPassword,
  systemAccessToken: PIPELINES.systemAccessToken,
} as const;

export interface Lab {
  readonly sts: FakeSts;
  readonly pipelines: FakePipelines;
  readonly resource: FakeResource;
  /** This test's environment: identity's variables removed, PATH empty. */
  readonly env: IsolatedEnv;
  /** Options every Entra credential needs here: the fake authority, no instance discovery, trust in the lab CA. */
  credentialOptions(): {
    authorityHost: string;
    disableInstanceDiscovery: true;
    additionalPolicies: ReturnType<typeof trustTestCa>["additionalPolicies"];
  };
  /** A federated token file, removed after the test. */
  tokenFile(options?: { content?: string; claims?: FederatedTokenClaims }): Promise<FederatedTokenFile>;
  /** Every secret and token the lab knows of: given to credentials, issued by fakes, or sent as assertions. */
  secrets(): string[];
  /** Extra secrets for this test (removed after it). */
  addSecret(...values: string[]): void;
}

export function useLab(): Lab {
  let sts: FakeSts | undefined;
  let pipelines: FakePipelines | undefined;
  let resource: FakeResource | undefined;
  let env: IsolatedEnv | undefined;
  const files: FederatedTokenFile[] = [];
  const extraSecrets: string[] = [];

  beforeAll(async () => {
    [sts, pipelines, resource] = await Promise.all([
      startFakeSts(),
      startFakePipelines(),
      startFakeResource(),
    ]);
  });
  beforeEach(() => {
    env = isolateEnv();
  });
  afterEach(async () => {
    sts?.reset();
    pipelines?.reset();
    resource?.reset();
    env?.restore();
    extraSecrets.length = 0;
    await Promise.all(files.splice(0).map((file) => file.cleanup()));
  });
  afterAll(async () => {
    await Promise.all([sts?.close(), pipelines?.close(), resource?.close()]);
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the lab's ${name} is only available inside tests`);
    return value;
  };

  return {
    get sts() {
      return ready(sts, "token service");
    },
    get pipelines() {
      return ready(pipelines, "Azure Pipelines endpoint");
    },
    get resource() {
      return ready(resource, "protected resource");
    },
    get env() {
      return ready(env, "environment");
    },
    credentialOptions() {
      return { authorityHost: this.sts.authorityHost, disableInstanceDiscovery: true, ...trustTestCa() };
    },
    async tokenFile(options) {
      const file = await writeFederatedTokenFile(options);
      files.push(file);
      return file;
    },
    secrets() {
      const assertions = this.sts.requests.flatMap((r) => [
        r.form.client_assertion,
        r.form.client_secret,
        r.form.password,
      ]);
      return [
        ...Object.values(SECRETS),
        ...extraSecrets,
        ...this.sts.issuedTokens,
        ...this.pipelines.issuedTokens,
        ...files.map((file) => file.content),
        ...assertions,
      ].filter((value): value is string => typeof value === "string" && value.length >= 8);
    },
    addSecret(...values) {
      extraSecrets.push(...values);
    },
  };
}

/**
 * The fake `az`, `azd` and `pwsh` for one file using `useLab()`: started once, reset before each test and put on
 * that test's PATH. `withoutTools` starts each test with none of them installed (a bare machine).
 */
export function useLabTools(lab: Lab, options: { withoutTools?: boolean } = {}): FakeTools {
  let tools: FakeTools | undefined;
  const current = (): FakeTools => {
    if (!tools) throw new Error("the fake tools are used before the file's beforeAll ran");
    return tools;
  };
  beforeAll(async () => {
    tools = await createFakeTools();
  });
  beforeEach(() => {
    current().reset();
    if (options.withoutTools) for (const tool of ["az", "azd", "pwsh"] as const) current().remove(tool);
    lab.env.usePath(current().bin);
  });
  afterAll(async () => {
    await tools?.cleanup();
  });
  // The tools exist only once beforeAll ran; tests reach them through this stand-in.
  return new Proxy({} as FakeTools, { get: (_target, key) => Reflect.get(current(), key) as unknown });
}
