/** The `azure-identity-diagnostics` executable: binds `run` to the real process. Everything else is in run.ts. */
import { EXIT } from "./errors.js";
import { processIo } from "./io.js";
import { run } from "./run.js";

// `... | head` closes the pipe early: that is the reader's choice, not a failure. Any other write failure leaves
// nowhere to report it, so the process just ends with the internal-failure status instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    process.exit(error.code === "EPIPE" ? (process.exitCode ?? EXIT.ok) : EXIT.internal);
  });
}

process.exitCode = await run(process.argv.slice(2), processIo());
