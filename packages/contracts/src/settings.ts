import { z } from "zod";
import { Thresholds } from "./routing";

/**
 * What happens when nobody decides a pending draft in time: escalate (tell the customer and hand over
 * to the human queue), reject (hand over without a holding message), or auto_send (send the draft,
 * only for categories marked as soft gates and only when no risk rule fired).
 */
export const ApprovalTimeoutPolicy = z.enum(["escalate", "reject", "auto_send"]);
export type ApprovalTimeoutPolicy = z.infer<typeof ApprovalTimeoutPolicy>;

/** Tunable behaviour a supervisor owns. */
export const Settings = z.object({
  thresholds: Thresholds,
  categoryThresholds: z.record(z.string(), Thresholds),
  approvalDeadlineMinutes: z.number().int().min(1).max(10_080),
  handoffDeadlineMinutes: z.number().int().min(1).max(10_080),
  approvalTimeoutPolicy: ApprovalTimeoutPolicy,
  /** Categories where a low-risk draft may be sent when its review times out. */
  softGateCategories: z.array(z.string().trim().min(1).max(60)).max(100),
});
export type Settings = z.infer<typeof Settings>;

/** A partial update of settings (validated again as a whole after merging). */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
