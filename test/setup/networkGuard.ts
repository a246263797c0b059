/**
 * Loaded before every test file: nothing in the suite may talk to anything but loopback (no IMDS at
 * 169.254.169.254, no Microsoft host). A refused connection fails the test that made it, naming the destination.
 */
import { afterEach } from "vitest";
import { installLoopbackGuard } from "../lab/harness/loopbackGuard.js";

const guard = installLoopbackGuard();

afterEach(() => {
  const refused = guard.drain();
  if (refused.length > 0) {
    const where = refused.map((c) => `${c.host}:${c.port ?? "?"}`).join(", ");
    throw new Error(
      `This test tried to leave loopback (${where}). First attempt:\n${refused[0]?.stack ?? ""}`,
    );
  }
});
