/**
 * Advice in the reader's runtime. The knowledge base is written for JavaScript (its logging switch, its
 * troubleshooting guide); a message pasted from Python, .NET, Go, Java or a CLI gets that runtime's
 * switch and guide instead, so nobody is told to call `setLogLevel` from Python.
 */
import type { ErrorRuntime } from "../knowledge/errorRuntimes.js";
import type { KnowledgeMatch } from "./types.js";

interface RuntimeAdvice {
  /** How to see each credential's attempt in that runtime. */
  readonly logging: string;
  /** That runtime's identity troubleshooting guide; `null` keeps the entry's own links. */
  readonly guide: string | null;
}

const ADVICE: Partial<Record<ErrorRuntime, RuntimeAdvice>> = {
  python: {
    logging:
      "Turn on logging to see each credential's attempt: configure the `azure.identity` logger at DEBUG (logging.basicConfig(level=logging.DEBUG)) and pass logging_enable=True to the credential.",
    guide:
      "https://github.com/Azure/azure-sdk-for-python/blob/main/sdk/identity/azure-identity/TROUBLESHOOTING.md",
  },
  dotnet: {
    logging:
      "Turn on logging to see each credential's attempt: create an AzureEventSourceListener (AzureEventSourceListener.CreateConsoleLogger()) before the first token request.",
    guide:
      "https://github.com/Azure/azure-sdk-for-net/blob/main/sdk/identity/Azure.Identity/TROUBLESHOOTING.md",
  },
  go: {
    logging:
      "Turn on logging to see each credential's attempt: set AZURE_SDK_GO_LOGGING=all, or register a listener with azcore/log.SetListener.",
    guide: "https://github.com/Azure/azure-sdk-for-go/blob/main/sdk/azidentity/TROUBLESHOOTING.md",
  },
  java: {
    logging:
      "Turn on logging to see each credential's attempt: set AZURE_LOG_LEVEL=verbose with an SLF4J logger on the classpath.",
    guide:
      "https://github.com/Azure/azure-sdk-for-java/blob/main/sdk/identity/azure-identity/TROUBLESHOOTING.md",
  },
  "azure-cli": {
    logging: "Run the failing az command again with --debug to see each request and the full error.",
    guide: null,
  },
  azd: {
    logging: "Run the failing azd command again with --debug to see each request and the full error.",
    guide: null,
  },
  "azure-powershell": {
    logging: "Run the failing cmdlet again with -Debug to see each request and the full error.",
    guide: null,
  },
};

/** A mitigation that names JavaScript's logging switch. */
const JS_LOGGING = /\bAZURE_LOG_LEVEL\b|\bsetLogLevel\b|@azure\/logger/;
/** JavaScript-only troubleshooting links: the aka.ms short links and the guide in azure-sdk-for-js. */
const JS_GUIDE_LINK = /^https:\/\/(?:aka\.ms\/azsdk\/js\/|github\.com\/Azure\/azure-sdk-for-js\/blob\/)/;

/** `match` with its logging advice and guide links in `runtime`'s terms; JavaScript and unknown keep it as is. */
export function adaptMatchToRuntime(match: KnowledgeMatch, runtime: ErrorRuntime): KnowledgeMatch {
  const advice = ADVICE[runtime];
  if (!advice) return match;
  const mitigations: string[] = [];
  for (const mitigation of match.mitigations) {
    const adapted = JS_LOGGING.test(mitigation) ? advice.logging : mitigation;
    if (!mitigations.includes(adapted)) mitigations.push(adapted);
  }
  const docs: string[] = [];
  for (const link of match.docs) {
    const adapted = JS_GUIDE_LINK.test(link) ? advice.guide : link;
    if (adapted !== null && !docs.includes(adapted)) docs.push(adapted);
  }
  return { ...match, mitigations, docs };
}
