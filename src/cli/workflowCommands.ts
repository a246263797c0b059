/**
 * Annotations for CI runs: GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`) and Azure
 * Pipelines logging commands (`##vso[task.logissue type=error;…]message`), escaped by each runner's rules so a
 * message can never end the command early or start another one.
 */

/** One annotation, runner-neutral. */
export interface Annotation {
  /** The file the line number refers to; omitted when the log came from standard input. */
  file: string | null;
  line: number;
  title: string;
  message: string;
}

/** GitHub's escaping of a command's message: `%`, CR and LF. */
export function escapeGithubData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** GitHub's escaping of a property value: the message's, plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** `::error file=…,line=…,title=…::message` */
export function githubAnnotation(annotation: Annotation): string {
  const properties = [
    ...(annotation.file === null ? [] : [`file=${escapeGithubProperty(annotation.file)}`]),
    `line=${String(annotation.line)}`,
    `title=${escapeGithubProperty(annotation.title)}`,
  ];
  return `::error ${properties.join(",")}::${escapeGithubData(annotation.message)}`;
}

/** Azure Pipelines' escaping of a message: `%` as `%AZP25`, CR and LF. */
export function escapeAzureDevOpsData(text: string): string {
  return text.replaceAll("%", "%AZP25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Azure Pipelines' escaping of a property value: the message's, plus `;` and `]`. */
export function escapeAzureDevOpsProperty(text: string): string {
  return escapeAzureDevOpsData(text).replaceAll(";", "%3B").replaceAll("]", "%5D");
}

/** `##vso[task.logissue type=error;sourcepath=…;linenumber=…]message` */
export function azureDevOpsAnnotation(annotation: Annotation): string {
  const properties = [
    "type=error",
    ...(annotation.file === null ? [] : [`sourcepath=${escapeAzureDevOpsProperty(annotation.file)}`]),
    `linenumber=${String(annotation.line)}`,
  ];
  // The title has no property of its own here: it leads the message.
  return `##vso[task.logissue ${properties.join(";")}]${escapeAzureDevOpsData(`${annotation.title}: ${annotation.message}`)}`;
}
