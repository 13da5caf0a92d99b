import type {
  Actor,
  Correction,
  CorrectionApprove,
  CorrectionQuery,
  CorrectionStatus,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { KnowledgeService } from "../knowledge";
import { screenCorrection } from "../knowledge/quarantine";
import type { Notifier, Store } from "../ports";

/**
 * The supervisor's feedback queue. Approved corrections are re-indexed at once, so the bot answers
 * from them on the next message; retired ones stop being used just as fast.
 */
export class FeedbackService {
  constructor(
    private readonly store: Store,
    private readonly knowledge: KnowledgeService,
    private readonly notifier: Notifier,
  ) {}

  async list(query: CorrectionQuery): Promise<Correction[]> {
    const all = await this.store.corrections.list({
      status: query.status,
      limit: query.q ? 5000 : query.limit,
    });
    if (!query.q) return all;
    const needle = query.q.toLowerCase();
    return all
      .filter((c) =>
        [c.question, c.answer, c.draft ?? "", ...c.tags].some((t) => t.toLowerCase().includes(needle)),
      )
      .slice(0, query.limit);
  }

  /**
   * Approves a pending (or previously rejected) correction, optionally rewritten and tagged. One that
   * instructs the bot or asks for secrets is quarantined instead, and the approval refused with why:
   * only an explicit release (audited) lets it answer customers.
   */
  async approve(id: string, rewrite: CorrectionApprove, actor: Actor): Promise<Correction> {
    const current = await this.expect(id, ["pending", "rejected"]);
    if (rewrite.question || rewrite.answer || rewrite.tags) await this.store.corrections.update(id, rewrite);
    const reasons = screenCorrection({ ...current, ...rewrite });
    if (reasons.length > 0) {
      await this.store.corrections.update(id, { reason: reasons.join("; ") });
      await this.finish(id, "quarantined", actor, { reasons }, "knowledge.quarantined");
      throw new DomainError(
        "conflict",
        `correction ${id} was not approved: it is quarantined for a supervisor because it ${reasons.join("; ")}`,
      );
    }
    return this.finish(id, "approved", actor, { rewritten: Boolean(rewrite.question || rewrite.answer) });
  }

  /** A supervisor vouches for a quarantined correction: it is approved and used at once (audited). */
  async release(id: string, actor: Actor): Promise<Correction> {
    const held = await this.expect(id, ["quarantined"]);
    await this.store.corrections.update(id, { reason: null });
    return this.finish(id, "approved", actor, { reasons: held.reason }, "knowledge.released");
  }

  /** Rejects a pending correction, or deletes a quarantined one from use (it stays in the record). */
  async reject(id: string, reason: string, actor: Actor): Promise<Correction> {
    await this.expect(id, ["pending", "quarantined"]);
    await this.store.corrections.update(id, { reason });
    return this.finish(id, "rejected", actor, { reason });
  }

  /** Takes an approved correction out of use (it stays in the record). */
  async retire(id: string, actor: Actor): Promise<Correction> {
    await this.expect(id, ["approved"]);
    return this.finish(id, "retired", actor, {});
  }

  /** Keeps one correction and rejects its duplicates, noting where they went. */
  async merge(keepId: string, duplicateIds: string[], actor: Actor): Promise<Correction> {
    if (duplicateIds.includes(keepId))
      throw new DomainError("bad_request", "a correction cannot be merged into itself");
    const kept = await this.expect(keepId, ["pending", "approved"]);
    for (const id of duplicateIds) {
      await this.expect(id, ["pending", "approved"]);
      await this.store.corrections.update(id, { reason: `merged into ${keepId}` });
      await this.finish(id, "rejected", actor, { mergedInto: keepId });
    }
    return kept;
  }

  private async expect(id: string, from: readonly CorrectionStatus[]): Promise<Correction> {
    const correction = await this.store.corrections.get(id);
    if (!correction) throw new DomainError("not_found", `correction ${id} not found`);
    if (!from.includes(correction.status)) {
      throw new DomainError("illegal_transition", `correction ${id} is ${correction.status}`);
    }
    return correction;
  }

  private async finish(
    id: string,
    status: CorrectionStatus,
    actor: Actor,
    details: Record<string, unknown>,
    action: "correction.reviewed" | "knowledge.quarantined" | "knowledge.released" = "correction.reviewed",
  ) {
    const updated = await this.store.corrections.setStatus(id, status, actor.id);
    if (!updated) throw new DomainError("not_found", `correction ${id} not found`);
    await this.knowledge.refreshCorrections();
    await this.store.audit.append({
      actor,
      action,
      conversationId: updated.conversationId,
      details: { correctionId: id, status, ...details },
    });
    if (status === "approved")
      this.notifier.publish({
        type: "correction.approved",
        data: { correctionId: id, conversationId: updated.conversationId },
      });
    return updated;
  }
}
