import { ApproverPrefs, type ApproverPrefsPatch } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** Whether approvals reach you by email, and the Slack member id linked to your account. */
export const getApprovalPrefs = (client: RestClient) => client.get(ApproverPrefs, "/api/me/approvals");

/** Changes how approvals reach you outside the console. */
export const setApprovalPrefs = (client: RestClient, patch: ApproverPrefsPatch) =>
  client.patch(ApproverPrefs, "/api/me/approvals", patch);
