/** The sources and example messages (each runtime's wording) of the entries in ../entries/sdkServices.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const sdkServiceExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "arm-action-denied-in-editor": {
    sources: ["written"],
    examples: [
      {
        text: "Action: appService.Deploy\nError type: AuthorizationFailed\nError Message: The client 'dev@contoso.com' with object id '11111111-2222-3333-4444-555555555555' does not have authorization to perform action 'Microsoft.Web/sites/read' over scope '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/web'.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "storage-account-disabled": {
    sources: ["written"],
    examples: [
      {
        text: 'RestError: The specified account is disabled.\n{"name":"RestError","code":"AccountIsDisabled","statusCode":403}',
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "messaging-claims-missing": {
    sources: ["written"],
    examples: [
      {
        text: "UnauthorizedError: Unauthorized access. 'Send' claim(s) are required to perform this operation. Resource: 'sb://contoso.servicebus.windows.net/orders'.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "key-vault-object-disabled": {
    sources: ["written"],
    examples: [
      {
        text: 'RestError: Operation get is not allowed on a disabled secret.\n{"name":"RestError","code":"Forbidden","statusCode":403}',
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "app-deployment-forbidden": {
    sources: ["written"],
    examples: [
      {
        text: "Action: appService.Deploy\nError type: Forbidden\nError Message: Encountered an error (Forbidden) from host runtime.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "azure-devops-user-not-authorized": {
    sources: ["written"],
    examples: [
      {
        text: "TF400813: The user 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' is not authorized to access this resource.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
};
