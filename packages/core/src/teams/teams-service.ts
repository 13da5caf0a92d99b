import { randomUUID } from "node:crypto";
import {
  TeamInput,
  TeamPatch,
  type Actor,
  type AuditRecord,
  type HoursStatus,
  type Team,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import { openingState } from "../hours/opening-state";
import type { Clock, Store } from "../ports";
import { teamForCategory } from "./team-for-category";

/** A team and whether it answers now. */
export interface TeamHours {
  team: Team | null;
  status: HoursStatus;
}

/**
 * Teams: the categories each handles (one team per category; a team with none takes the rest), who
 * is on it and its business hours. Supervisors change them; every change is validated and audited.
 */
export class TeamsService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  private get store() {
    return this.deps.store;
  }

  list(): Promise<Team[]> {
    return this.store.teams.list();
  }

  async create(input: TeamInput, actor: Actor): Promise<Team> {
    const fields = TeamInput.parse(input);
    await this.check(fields, null);
    const at = this.deps.clock.now().toISOString();
    const team = await this.unique(() =>
      this.store.teams.create({ ...fields, id: randomUUID(), createdAt: at, updatedAt: at }),
    );
    await this.audit(actor, { action: "team.created", details: { teamId: team.id, after: team } });
    return team;
  }

  async update(id: string, patch: TeamPatch, actor: Actor): Promise<Team> {
    const change = TeamPatch.parse(patch);
    const before = await this.store.teams.get(id);
    if (!before) throw new DomainError("not_found", "no such team");
    await this.check({ ...before, ...change }, id);
    const after = await this.unique(() =>
      this.store.teams.update(id, change, this.deps.clock.now().toISOString()),
    );
    if (!after) throw new DomainError("not_found", "no such team");
    await this.audit(actor, { action: "team.updated", details: { teamId: id, before, after } });
    return after;
  }

  async delete(id: string, actor: Actor): Promise<void> {
    const before = await this.store.teams.get(id);
    if (!before || !(await this.store.teams.delete(id))) throw new DomainError("not_found", "no such team");
    await this.audit(actor, { action: "team.deleted", details: { teamId: id, before } });
  }

  /** The team that handles a category (see teamForCategory). */
  async teamFor(category: string | null): Promise<Team | null> {
    return teamForCategory(await this.store.teams.list(), category);
  }

  /** The team of a category and whether it answers now (always, when no team has hours). */
  async hoursFor(category: string | null): Promise<TeamHours> {
    const team = await this.teamFor(category);
    return { team, status: this.hoursOf(team) };
  }

  /** Whether a team answers now (a missing team always does). */
  hoursOf(team: Team | null): HoursStatus {
    return openingState(team?.hours ?? null, this.deps.clock.now());
  }

  /** One team per category, and members who exist. */
  private async check(team: Pick<Team, "categories" | "members">, id: string | null): Promise<void> {
    const others = (await this.store.teams.list()).filter((t) => t.id !== id);
    for (const category of team.categories) {
      const holder = others.find((t) => t.categories.includes(category));
      if (holder) throw new DomainError("conflict", `${holder.name} already handles ${category}`);
    }
    const seen = new Set<string>();
    for (const { userId } of team.members) {
      if (seen.has(userId)) throw new DomainError("bad_request", "a person is listed twice");
      seen.add(userId);
      if (!(await this.store.users.get(userId)))
        throw new DomainError("bad_request", `no person with id ${userId}`);
    }
  }

  /** The store refuses a duplicate name with a plain error; the caller gets a conflict that says so. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (err instanceof Error && /already exists/.test(err.message))
        throw new DomainError("conflict", err.message);
      throw err;
    }
  }

  private async audit(actor: Actor, record: AuditRecord): Promise<void> {
    await this.store.audit.append({ ...record, actor, conversationId: null });
  }
}
