import { randomUUID } from "node:crypto";
import {
  AcceptLinkRequest,
  DisplayName,
  InviteRequest,
  NewPassword,
  PersonUpdate,
  type AccessLink,
  type AccessLinkPreview,
  type Actor,
  type AuditRecord,
  type IssuedLink,
  type PeopleList,
  type Person,
  type User,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Clock, Store } from "../ports";
import { hashAccessToken, newAccessToken } from "./access-tokens";
import type { AccessLinkMailer, HandoffReturner, PasswordHasher, SessionEnder } from "./ports";

/** How long an invitation stays usable. */
export const INVITE_TTL_MS = 7 * 24 * 3_600_000;
/** How long a password-reset link stays usable. */
export const RESET_TTL_MS = 24 * 3_600_000;

/**
 * Stored in place of a hash when an account has no password (reset pending, or single sign-on only):
 * no password verifies against it.
 */
export const NO_PASSWORD = "!";

/** What the people service works with. */
export interface PeopleDeps {
  store: Store;
  clock: Clock;
  passwords: PasswordHasher;
  mailer: AccessLinkMailer;
  sessions: SessionEnder;
  handoffs: HandoffReturner;
}

const asActor = (user: Pick<User, "id" | "name">): Actor => ({ type: "user", id: user.id, name: user.name });

/**
 * Console accounts: supervisors invite people with one-time links, change roles, deactivate and
 * reactivate, and reset passwords; everyone changes their own name and password. Every change is
 * audited; a change to who someone is or what they may do reaches their live sockets at once.
 */
export class PeopleService {
  constructor(private readonly deps: PeopleDeps) {}

  private get store() {
    return this.deps.store;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Every account, and the invitations not used yet. */
  async list(): Promise<PeopleList> {
    const [people, invites] = await Promise.all([
      this.store.users.list(),
      this.store.accessLinks.listOpen("invite", this.now()),
    ]);
    return { people, invites };
  }

  /** Invites someone to join with a role: a one-time link, emailed when mail is set up. */
  async invite(input: InviteRequest, by: User): Promise<IssuedLink> {
    const { email, role, name } = InviteRequest.parse(input);
    if (await this.store.users.findByEmail(email))
      throw new DomainError("conflict", `${email} already has an account`);
    // A new invitation replaces any earlier one still open for the same address.
    await this.store.accessLinks.revokeOpenFor("invite", email, this.now());
    const issued = await this.issue({ kind: "invite", email, role, name: name ?? null, userId: null }, by);
    await this.audit(by, {
      action: "user.invited",
      details: { email, role, linkId: issued.link.id, mail: issued.mail },
    });
    return issued;
  }

  /** Withdraws an invitation or reset link that has not been used. */
  async revokeLink(id: string, by: User): Promise<AccessLink> {
    const revoked = await this.store.accessLinks.revoke(id, this.now());
    if (!revoked) throw new DomainError("not_found", "no open link with this id");
    await this.audit(by, {
      action: "access_link.revoked",
      details: { linkId: id, kind: revoked.kind, email: revoked.email },
    });
    return revoked;
  }

  /** What a link is for, before the person fills in the form; refused once used, revoked or expired. */
  async inspect(token: string): Promise<AccessLinkPreview> {
    const { kind, email, role, name, expiresAt } = await this.openLink(token);
    return { kind, email, role, name, expiresAt };
  }

  /**
   * Uses a link: an invitation creates the account (active, with the password chosen), a reset sets
   * the new password. Each link works once, even when two tabs submit it at the same moment.
   */
  async accept(input: AcceptLinkRequest): Promise<Person> {
    const { token, name, password } = AcceptLinkRequest.parse(input);
    const link = await this.openLink(token);
    if (link.kind === "invite" && (await this.store.users.findByEmail(link.email)))
      throw new DomainError("conflict", `${link.email} already has an account; sign in instead`);
    const passwordHash = await this.deps.passwords.hash(password);
    if (!(await this.store.accessLinks.use(link.id, this.now())))
      throw new DomainError("not_found", "this link has expired or was already used");
    if (link.kind === "invite") {
      const user = await this.store.users.create({
        email: link.email,
        name: name ?? link.name ?? link.email.split("@")[0] ?? link.email,
        role: link.role,
        passwordHash,
      });
      await this.audit(user, {
        action: "user.joined",
        details: { email: user.email, role: user.role, linkId: link.id },
      });
      return user;
    }
    const user = link.userId ? await this.store.users.get(link.userId) : null;
    if (!user || user.status !== "active")
      throw new DomainError("forbidden", "this account is deactivated; ask a supervisor");
    await this.store.users.setPasswordHash(user.id, passwordHash);
    await this.deps.sessions.endSessions(user.id);
    await this.audit(user, {
      action: "user.password_changed",
      details: { userId: user.id, via: "reset link" },
    });
    return user;
  }

  /**
   * Joins through single sign-on: the identity provider vouched for the email, so an open invitation
   * for it becomes an account without a password. Null when there is no invitation for the email.
   */
  async acceptInviteBySignOn(email: string, name: string | null): Promise<Person | null> {
    const open = (await this.store.accessLinks.listOpen("invite", this.now())).find(
      (link) => link.email === email.toLowerCase(),
    );
    if (!open || !(await this.store.accessLinks.use(open.id, this.now()))) return null;
    const user = await this.store.users.create({
      email: open.email,
      name: open.name ?? name ?? open.email,
      role: open.role,
      passwordHash: NO_PASSWORD,
    });
    await this.audit(user, {
      action: "user.joined",
      details: {
        email: user.email,
        role: user.role,
        linkId: open.id,
        via: "sso",
      },
    });
    return user;
  }

  /** A supervisor changes someone's role or name; the last active supervisor keeps the role. */
  async update(id: string, patch: PersonUpdate, by: User): Promise<Person> {
    const change = PersonUpdate.parse(patch);
    const before = await this.person(id);
    if (change.role === "agent" && before.role === "supervisor" && before.status === "active")
      await this.keepOneSupervisor(before, "demote");
    const after = await this.store.users.update(id, change);
    if (!after) throw new DomainError("not_found", "no such person");
    if (after.role !== before.role) this.deps.sessions.userChanged(id);
    await this.audit(by, {
      action: "user.updated",
      details: {
        userId: id,
        email: after.email,
        before: { role: before.role, name: before.name },
        after: { role: after.role, name: after.name },
      },
    });
    return after;
  }

  /**
   * Takes someone's access away: their sessions end at once (their sockets are disconnected on every
   * instance) and the handoffs they hold go back to the queue. Their history stays.
   */
  async deactivate(id: string, by: User): Promise<{ person: Person; returnedHandoffs: number }> {
    if (id === by.id) throw new DomainError("bad_request", "you cannot deactivate your own account");
    const before = await this.person(id);
    if (before.status === "deactivated") return { person: before, returnedHandoffs: 0 };
    if (before.role === "supervisor") await this.keepOneSupervisor(before, "deactivate");
    const person = await this.store.users.update(id, { status: "deactivated" });
    if (!person) throw new DomainError("not_found", "no such person");
    await this.deps.sessions.endSessions(id);
    await this.store.accessLinks.revokeOpenFor("password_reset", person.email, this.now());
    const returnedHandoffs = await this.deps.handoffs.returnHandoffsOf(id, asActor(by));
    await this.audit(by, {
      action: "user.deactivated",
      details: { userId: id, email: person.email, returnedHandoffs },
    });
    return { person, returnedHandoffs };
  }

  /** Gives a deactivated account its access back (with the password it had). */
  async reactivate(id: string, by: User): Promise<Person> {
    const before = await this.person(id);
    if (before.status === "active") return before;
    const person = await this.store.users.update(id, { status: "active" });
    if (!person) throw new DomainError("not_found", "no such person");
    await this.audit(by, { action: "user.reactivated", details: { userId: id, email: person.email } });
    return person;
  }

  /**
   * A supervisor resets someone's password: the old one stops working, their sessions end, and a
   * one-time link (emailed when mail is set up) lets them choose a new one.
   */
  async resetPassword(id: string, by: User): Promise<IssuedLink> {
    const person = await this.person(id);
    if (person.status !== "active")
      throw new DomainError("bad_request", "reactivate this account before resetting its password");
    await this.store.users.setPasswordHash(id, NO_PASSWORD);
    await this.deps.sessions.endSessions(id);
    await this.store.accessLinks.revokeOpenFor("password_reset", person.email, this.now());
    const issued = await this.issue(
      { kind: "password_reset", email: person.email, role: person.role, name: person.name, userId: id },
      by,
    );
    await this.audit(by, {
      action: "user.password_reset",
      details: { userId: id, email: person.email, mail: issued.mail },
    });
    return issued;
  }

  /** Anyone changes the name their colleagues and customers see. */
  async updateProfile(user: User, name: string): Promise<Person> {
    const checked = DisplayName.parse(name);
    const person = await this.store.users.update(user.id, { name: checked });
    if (!person) throw new DomainError("not_found", "no such person");
    await this.audit(person, {
      action: "user.updated",
      details: {
        userId: user.id,
        email: user.email,
        before: { name: user.name },
        after: { name: person.name },
      },
    });
    return person;
  }

  /** Anyone changes their own password, knowing the current one; their other sessions end. */
  async changePassword(
    user: User,
    input: { currentPassword: string; newPassword: string },
    sessionId: string,
  ): Promise<void> {
    const found = await this.store.users.findByEmail(user.email);
    const ok = found ? await this.deps.passwords.verify(found.passwordHash, input.currentPassword) : false;
    if (!found || !ok) throw new DomainError("forbidden", "the current password is not right");
    await this.store.users.setPasswordHash(
      user.id,
      await this.deps.passwords.hash(NewPassword.parse(input.newPassword)),
    );
    await this.deps.sessions.endSessions(user.id, sessionId);
    await this.audit(user, { action: "user.password_changed", details: { userId: user.id, via: "own" } });
  }

  /**
   * The first supervisor of a new installation (the create-admin command, or ADMIN_EMAIL at start).
   * Refused once any active supervisor exists: after that, people join by invitation.
   */
  async createFirstAdmin(input: { email: string; name?: string; password: string }): Promise<Person> {
    const email = InviteRequest.shape.email.parse(input.email);
    const password = NewPassword.parse(input.password);
    const supervisors = (await this.store.users.list()).filter(
      (p) => p.role === "supervisor" && p.status === "active",
    );
    const first = supervisors[0];
    if (first)
      throw new DomainError(
        "conflict",
        `${first.email} is already a supervisor; invite others from the console`,
      );
    if (await this.store.users.findByEmail(email))
      throw new DomainError("conflict", `${email} already has an account`);
    const user = await this.store.users.create({
      email,
      name: DisplayName.parse(input.name ?? email.split("@")[0] ?? email),
      role: "supervisor",
      passwordHash: await this.deps.passwords.hash(password),
    });
    await this.store.audit.append({
      actor: { type: "system", id: null, name: "create-admin" },
      action: "user.joined",
      conversationId: null,
      details: { email: user.email, role: user.role, via: "create-admin" },
    });
    return user;
  }

  private async person(id: string): Promise<Person> {
    const person = await this.store.users.get(id);
    if (!person) throw new DomainError("not_found", "no such person");
    return person;
  }

  private async keepOneSupervisor(person: Person, what: "demote" | "deactivate"): Promise<void> {
    const others = (await this.store.users.list()).filter(
      (p) => p.id !== person.id && p.role === "supervisor" && p.status === "active",
    );
    if (others.length === 0)
      throw new DomainError(
        "conflict",
        `${person.name} is the last active supervisor; make someone else a supervisor before you ${what} them`,
      );
  }

  private async openLink(token: string): Promise<AccessLink> {
    const link = await this.store.accessLinks.findByTokenHash(hashAccessToken(token));
    const open = link && !link.usedAt && !link.revokedAt && link.expiresAt > this.now();
    if (!link || !open) throw new DomainError("not_found", "this link has expired or was already used");
    return link;
  }

  private async issue(
    fields: Pick<AccessLink, "kind" | "email" | "role" | "name" | "userId">,
    by: User,
  ): Promise<IssuedLink> {
    const token = newAccessToken();
    const now = this.deps.clock.now();
    const ttl = fields.kind === "invite" ? INVITE_TTL_MS : RESET_TTL_MS;
    const link = await this.store.accessLinks.create(
      {
        ...fields,
        id: randomUUID(),
        createdBy: { id: by.id, name: by.name },
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttl).toISOString(),
        usedAt: null,
        revokedAt: null,
      },
      hashAccessToken(token),
    );
    return { link, token, mail: await this.deps.mailer.send(link, token) };
  }

  private async audit(actor: Pick<User, "id" | "name">, record: AuditRecord): Promise<void> {
    await this.store.audit.append({ ...record, actor: asActor(actor), conversationId: null });
  }
}
