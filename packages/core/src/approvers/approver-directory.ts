import {
  ApproverPrefs,
  type Approver,
  type ApproverPrefsPatch,
  type Person,
  type User,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Store } from "../ports";

const NONE: ApproverPrefs = { emailApprovals: false, slackUserId: null };
const key = (userId: string) => `approver-prefs:${userId}`;

/**
 * Who takes approvals outside the console: each person's choice to get approvals by email, and the
 * Slack member id linked to their account. Kept in the store's key-value table (both stores), one
 * entry per person, so two people changing their own preferences never overwrite each other.
 */
export class ApproverDirectory {
  constructor(private readonly store: Store) {}

  async prefs(userId: string): Promise<ApproverPrefs> {
    return ApproverPrefs.safeParse(await this.store.kv.get(key(userId))).data ?? NONE;
  }

  /**
   * Changes one person's preferences; a Slack member id already linked to someone else is refused
   * (a click in Slack must name exactly one person). Audited as `user.updated`.
   */
  async update(userId: string, patch: ApproverPrefsPatch, by: User): Promise<ApproverPrefs> {
    const person = await this.store.users.get(userId);
    if (!person) throw new DomainError("not_found", "no such person");
    if (patch.slackUserId) {
      const holder = await this.bySlackUser(patch.slackUserId);
      if (holder && holder.id !== userId)
        throw new DomainError("conflict", `that Slack member is already linked to ${holder.name}`);
    }
    const next = ApproverPrefs.parse({ ...(await this.prefs(userId)), ...patch });
    await this.store.kv.set(key(userId), next);
    await this.store.audit.append({
      actor: { type: "user", id: by.id, name: by.name },
      action: "user.updated",
      conversationId: null,
      details: { userId, approvals: next },
    });
    return next;
  }

  /** Every active person with their preferences, oldest account first. */
  async list(): Promise<Approver[]> {
    const people = (await this.store.users.list()).filter((p) => p.status === "active");
    return Promise.all(
      people.map(async (p) => ({ userId: p.id, name: p.name, email: p.email, ...(await this.prefs(p.id)) })),
    );
  }

  /** Active people who asked for approvals by email. */
  async emailRecipients(): Promise<Approver[]> {
    return (await this.list()).filter((a) => a.emailApprovals);
  }

  /** The active person a Slack member id is linked to, or null (an unlinked or deactivated person). */
  async bySlackUser(slackUserId: string): Promise<Person | null> {
    const people = (await this.store.users.list()).filter((p) => p.status === "active");
    for (const person of people) if ((await this.prefs(person.id)).slackUserId === slackUserId) return person;
    return null;
  }
}
