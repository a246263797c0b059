/** Every bundled knowledge entry, in matching order (ties between equal scores go to the earlier entry). */
import type { KnowledgeEntry } from "../schema.js";
import { azureDevOpsEntries } from "./azureDevOps.js";
import { azurePipelinesEntries } from "./azurePipelines.js";
import { chainEntries } from "./chains.js";
import { developerToolEntries } from "./developerTools.js";
import { generalEntries } from "./general.js";
import { managedIdentityEntries } from "./managedIdentity.js";
import { serviceEntries } from "./services.js";
import { servicePrincipalEntries } from "./servicePrincipal.js";
import { stsCodeEntries } from "./stsCodes.js";
import { workloadIdentityEntries } from "./workloadIdentity.js";

export const knowledgeEntries: readonly KnowledgeEntry[] = [
  ...azureDevOpsEntries,
  ...azurePipelinesEntries,
  ...workloadIdentityEntries,
  ...servicePrincipalEntries,
  ...managedIdentityEntries,
  ...developerToolEntries,
  ...chainEntries,
  ...serviceEntries,
  ...stsCodeEntries,
  ...generalEntries,
];
