/**
 * azure-identity-diagnostics/node: helpers for Node.js tools and scripts, shared with the command line.
 *
 * - {@link scanPipelineTasks}: which Azure Pipelines tasks in a YAML file cannot use workload identity federation
 *   (what `azure-identity-diagnostics check-pipeline` prints).
 */
export {
  isPipelineProblem,
  scanPipelineTasks,
  type PipelineScan,
  type PipelineTaskFinding,
  type PipelineTaskStatus,
} from "../cli/pipelineTasks.js";
