import { z } from "zod";
import { SavedReply, SavedReplyList, type SavedReplyCreate, type SavedReplyUpdate } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

const One = z.object({ reply: SavedReply });
const path = (id: string) => `/api/saved-replies/${encodeURIComponent(id)}`;

/** GET /api/saved-replies: the team's replies and the user's own. */
export const listSavedReplies = (client: RestClient) =>
  client.get(SavedReplyList, "/api/saved-replies").then((r) => r.replies);

/** POST /api/saved-replies (team replies: supervisors only). */
export const createSavedReply = (client: RestClient, input: SavedReplyCreate) =>
  client.post(One, "/api/saved-replies", input).then((r) => r.reply);

/** PATCH /api/saved-replies/:id */
export const updateSavedReply = (client: RestClient, id: string, patch: SavedReplyUpdate) =>
  client.patch(One, path(id), patch).then((r) => r.reply);

/** DELETE /api/saved-replies/:id */
export const deleteSavedReply = (client: RestClient, id: string) => client.delete(z.null(), path(id));
