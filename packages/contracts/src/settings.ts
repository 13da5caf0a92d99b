import { z } from "zod";
import { Thresholds } from "./routing";

/** Tunable behaviour a supervisor owns. */
export const Settings = z.object({
  thresholds: Thresholds,
  categoryThresholds: z.record(z.string(), Thresholds),
  approvalDeadlineMinutes: z.number().int().min(1).max(10_080),
  handoffDeadlineMinutes: z.number().int().min(1).max(10_080),
});
export type Settings = z.infer<typeof Settings>;

/** A partial update of settings (validated again as a whole after merging). */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
