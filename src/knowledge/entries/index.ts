/**
 * Every bundled knowledge entry, in matching order (ties between equal scores go to the earlier entry). Each family
 * is a function rather than an array so that importing the package only scans the text; the engine parses and
 * builds it the first time a diagnosis needs it, which keeps the import cheap.
 */
import type { KnowledgeEntry } from "../schema.js";
import { azureDevOpsEntries } from "./azureDevOps.js";
import { azurePipelinesEntries } from "./azurePipelines.js";
import { appSignInEntries } from "./appSignIn.js";
import { chainEntries } from "./chains.js";
import { developerToolEntries } from "./developerTools.js";
import { generalEntries } from "./general.js";
import { goDotnetEntries } from "./goDotnet.js";
import { localToolEntries } from "./localTools.js";
import { managedIdentityEntries } from "./managedIdentity.js";
import { managedIdentityEndpointEntries } from "./managedIdentityEndpoints.js";
import { networkEntries } from "./network.js";
import { pythonJavaEntries } from "./pythonJava.js";
import { sdkServiceEntries } from "./sdkServices.js";
import { serviceEntries } from "./services.js";
import { servicePrincipalEntries } from "./servicePrincipal.js";
import { stsCodeEntries } from "./stsCodes.js";
import { workloadIdentityEntries } from "./workloadIdentity.js";

export function loadKnowledgeEntries(): readonly KnowledgeEntry[] {
  return [
    ...azureDevOpsEntries(),
    ...azurePipelinesEntries(),
    ...workloadIdentityEntries(),
    ...servicePrincipalEntries(),
    ...managedIdentityEntries(),
    ...managedIdentityEndpointEntries(),
    ...developerToolEntries(),
    ...localToolEntries(),
    ...goDotnetEntries(),
    ...chainEntries(),
    ...serviceEntries(),
    ...sdkServiceEntries(),
    ...stsCodeEntries(),
    ...pythonJavaEntries(),
    ...appSignInEntries(),
    ...networkEntries(),
    ...generalEntries(),
  ];
}
