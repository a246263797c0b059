/**
 * The machine `doctor --live` and `whoami` run on in tests: the fake `az`/`azd`/`pwsh`, a clean environment per
 * test, msal-node's process-wide managed identity state forgotten, and variables that send DefaultAzureCredential's
 * IMDS probe to a closed loopback port so it fails at once and never leaves the machine.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { isolateEnv, type IsolatedEnv } from "../lab/harness/env.js";
import { closedPort, forgetManagedIdentityState } from "../lab/harness/fakeManagedIdentity.js";
import { createFakeTools, type FakeTools } from "../lab/harness/fakeTools.js";

export interface LiveMachine {
  readonly tools: FakeTools;
  /** This test's environment; `env.emptyBin` is a PATH holding no tools. */
  readonly env: IsolatedEnv;
  /** `HTTP_PROXY` on a closed loopback port, loopback exempted: the IMDS probe is refused at once. */
  readonly noImds: Record<string, string>;
}

export function useLiveMachine(): LiveMachine {
  let tools: FakeTools | undefined;
  let env: IsolatedEnv | undefined;
  let noImds: Record<string, string> | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the live machine is used outside a test");
    return value;
  };
  beforeAll(async () => {
    tools = await createFakeTools();
    noImds = { HTTP_PROXY: await closedPort(), NO_PROXY: "127.0.0.1,localhost" };
  });
  afterAll(async () => {
    await tools?.cleanup();
  });
  beforeEach(() => {
    env = isolateEnv();
    ready(tools).reset();
    forgetManagedIdentityState();
  });
  afterEach(() => {
    env?.restore();
  });
  return {
    get tools() {
      return ready(tools);
    },
    get env() {
      return ready(env);
    },
    get noImds() {
      return ready(noImds);
    },
  };
}
