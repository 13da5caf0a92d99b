import {
  ApproverPrefs,
  type Approver,
  type ApproverPrefsPatch,
  type Person,
  type User,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Store } from "../ports";
import { teamForCategory } from "../teams/team-for-category";

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

  /**
   * Who is asked, outside the console, to approve a draft in this category: the people who take
   * approvals outside the console (`wants`: by email, or with a linked Slack id) and belong to the team
   * that handles the category (teamForCategory: the team listing it, else the catch-all team). When no
   * team handles it, or none of its members takes approvals outside the console, everyone who does is
   * asked, so no approval goes unannounced.
   */
  async approversFor(category: string | null, wants: (approver: Approver) => boolean): Promise<Approver[]> {
    const [everyone, teams] = await Promise.all([this.list(), this.store.teams.list()]);
    const willing = everyone.filter(wants);
    const team = teamForCategory(teams, category);
    const members = new Set(team?.members.map((m) => m.userId) ?? []);
    const ofTeam = willing.filter((a) => members.has(a.userId));
    return ofTeam.length > 0 ? ofTeam : willing;
  }

  /** The people emailed an approval in this category (see approversFor). */
  async emailRecipients(category: string | null): Promise<Approver[]> {
    return this.approversFor(category, (a) => a.emailApprovals);
  }

  /** The Slack members an approval in this category is addressed to (see approversFor). */
  async slackMembers(category: string | null): Promise<string[]> {
    const linked = await this.approversFor(category, (a) => a.slackUserId !== null);
    return linked.flatMap((a) => (a.slackUserId ? [a.slackUserId] : []));
  }

  /** The active person a Slack member id is linked to, or null (an unlinked or deactivated person). */
  async bySlackUser(slackUserId: string): Promise<Person | null> {
    const people = (await this.store.users.list()).filter((p) => p.status === "active");
    for (const person of people) if ((await this.prefs(person.id)).slackUserId === slackUserId) return person;
    return null;
  }
}
