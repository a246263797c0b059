/**
 * Token requests the authority itself makes impossible: an app-only token asked of a tenantless authority
 * (organizations, common). (A token endpoint answering 301 reaches identity 4.13.1 as a plain network_error, so the
 * redirect entry's msal-node wording is exempt; see knowledgeExemptions.ts.)
 */
import { describe } from "vitest";
import { ClientSecretCredential } from "@azure/identity";
import { LAB } from "../harness/tokens.js";
import { SECRETS, useLab } from "./lab.js";
import { defineScenarios } from "./scenario.js";

const lab = useLab();

describe("the authority", () => {
  defineScenarios(lab, [
    {
      name: "a client secret credential built for the organizations authority",
      arrange: (lab) => () =>
        new ClientSecretCredential(
          "organizations",
          LAB.clientId,
          SECRETS.clientSecret,
          lab.credentialOptions(),
        ),
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "authority-tenant-required",
        category: "tenant-invalid",
        credentials: ["ClientSecretCredential"],
      },
    },
  ]);
});
