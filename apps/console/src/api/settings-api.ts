import { z } from "zod";
import { Settings } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

const Answer = z.object({ settings: Settings });

/** GET /api/settings */
export const getSettings = (client: RestClient) =>
  client.get(Answer, "/api/settings").then((r) => r.settings);

/** PUT /api/settings: the server validates the whole and changes nothing when any part is invalid. */
export const saveSettings = (client: RestClient, settings: Settings) =>
  client.put(Answer, "/api/settings", settings).then((r) => r.settings);
