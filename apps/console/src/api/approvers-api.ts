import { ApproverList, ApproverPrefs, type ApproverPrefsPatch } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** Whether approvals reach you by email, and the Slack member id linked to your account. */
export const getApprovalPrefs = (client: RestClient) => client.get(ApproverPrefs, "/api/me/approvals");

/** Changes how approvals reach you outside the console. */
export const setApprovalPrefs = (client: RestClient, patch: ApproverPrefsPatch) =>
  client.patch(ApproverPrefs, "/api/me/approvals", patch);

/** Every active person's approval preferences (supervisors). */
export const listApprovers = (client: RestClient) => client.get(ApproverList, "/api/approvers");

/** Sets a person's approval preferences (supervisors). */
export const setApproverPrefs = (client: RestClient, userId: string, patch: ApproverPrefsPatch) =>
  client.patch(ApproverPrefs, `/api/approvers/${encodeURIComponent(userId)}`, patch);
