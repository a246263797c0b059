/**
 * Every command, in the order `--help` lists them. To add one: write `commands/<name>.ts` exporting a `Command`
 * (see ../command.ts) and list it here.
 */
import type { Command } from "../command.js";
import { checkPipelineCommand } from "./checkPipeline.js";
import { codesCommand } from "./codes.js";
import { doctorCommand } from "./doctor.js";
import { explainCommand } from "./explain.js";
import { scanCommand } from "./scan.js";
import { whoamiCommand } from "./whoami.js";

export const commands: readonly Command[] = [
  explainCommand,
  scanCommand,
  codesCommand,
  doctorCommand,
  whoamiCommand,
  checkPipelineCommand,
];
