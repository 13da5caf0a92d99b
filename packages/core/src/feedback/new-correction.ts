import { randomUUID } from "node:crypto";
import type { Correction } from "@handoff/contracts";

/** The fields a new correction must be given; the rest start empty (pending, not yet reviewed). */
export type NewCorrection = Pick<Correction, "question" | "answer"> & Partial<Correction>;

/** A correction not yet reviewed, with a fresh id and creation time unless given. */
export function newCorrection(fields: NewCorrection): Correction {
  return {
    id: randomUUID(),
    draft: null,
    status: "pending",
    reason: null,
    tags: [],
    conversationId: null,
    sourceKey: null,
    createdBy: null,
    createdAt: new Date().toISOString(),
    reviewedBy: null,
    reviewedAt: null,
    ...fields,
  };
}
