import { randomUUID } from "node:crypto";
import type { Actor, SavedReply, SavedReplyCreate, SavedReplyUpdate, User } from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Clock, Store } from "../ports";

const asActor = (user: User): Actor => ({ type: "user", id: user.id, name: user.name });

/**
 * Saved replies: every agent reads the team's and keeps their own; only supervisors change the
 * team's, and nobody changes another agent's own. Every change is audited.
 */
export class SavedReplyService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** The team's replies and the user's own, by shortcut. */
  list(user: User): Promise<SavedReply[]> {
    return this.deps.store.savedReplies.listFor(user.id);
  }

  async create(input: SavedReplyCreate, user: User): Promise<SavedReply> {
    if (input.scope === "team") this.requireSupervisor(user, "add a team reply");
    const now = this.deps.clock.now().toISOString();
    const created = await this.deps.store.savedReplies.create({
      id: randomUUID(),
      ...input,
      ownerId: input.scope === "personal" ? user.id : null,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) throw taken(input.shortcut, input.scope);
    await this.audit("saved_reply.created", user, created);
    return created;
  }

  async update(id: string, patch: SavedReplyUpdate, user: User): Promise<SavedReply> {
    const current = await this.editable(id, user);
    const updated = await this.deps.store.savedReplies.update(id, {
      ...patch,
      updatedAt: this.deps.clock.now().toISOString(),
    });
    if (updated === null) throw new DomainError("not_found", "saved reply not found");
    if (updated === "taken") throw taken(patch.shortcut ?? current.shortcut, current.scope);
    await this.audit("saved_reply.updated", user, updated, { changed: Object.keys(patch) });
    return updated;
  }

  async remove(id: string, user: User): Promise<void> {
    const current = await this.editable(id, user);
    if (!(await this.deps.store.savedReplies.delete(id)))
      throw new DomainError("not_found", "saved reply not found");
    await this.audit("saved_reply.deleted", user, current);
  }

  /** The reply, when this user may change it: a supervisor for the team's, the owner for their own. */
  private async editable(id: string, user: User): Promise<SavedReply> {
    const reply = await this.deps.store.savedReplies.get(id);
    // Another agent's own reply is not theirs to see either: the same answer as for a missing one.
    if (!reply || (reply.scope === "personal" && reply.ownerId !== user.id))
      throw new DomainError("not_found", "saved reply not found");
    if (reply.scope === "team") this.requireSupervisor(user, "change a team reply");
    return reply;
  }

  private requireSupervisor(user: User, what: string) {
    if (user.role !== "supervisor") throw new DomainError("forbidden", `only a supervisor can ${what}`);
  }

  private async audit(
    action: "saved_reply.created" | "saved_reply.updated" | "saved_reply.deleted",
    user: User,
    reply: SavedReply,
    extra: { changed?: string[] } = {},
  ) {
    await this.deps.store.audit.append({
      actor: asActor(user),
      action,
      conversationId: null,
      details: { savedReplyId: reply.id, shortcut: reply.shortcut, scope: reply.scope, ...extra },
    });
  }
}

const taken = (shortcut: string, scope: SavedReply["scope"]) =>
  new DomainError(
    "conflict",
    `the shortcut /${shortcut} is already used by ${scope === "team" ? "a team reply" : "one of your replies"}`,
  );
