import { randomBytes } from "node:crypto";
import type { LoginResponse, Person, Role, User } from "@handoff/contracts";
import { DomainError, systemClock, type Clock, type SessionEnder, type Store } from "@handoff/core";
import { hashPassword, verifyPassword } from "./passwords";
import { SessionRevocations } from "./session-revocations";
import { hashToken, newSessionToken, signVisitorToken, verifyVisitorToken } from "./tokens";

const SECRET_KEY = "visitor-token-secret";

/** A signed-in console session; `id` is the stored hash of its token, never the token itself. */
export interface ConsoleSession {
  id: string;
  user: User;
  expiresAt: string;
}

/** How someone signed in, for the audit log. */
export type SignInMethod = "password" | "sso" | "invite" | "reset";

/** Console sign-in with server-side sessions, and visitor tokens for the widget. */
export class AuthService implements SessionEnder {
  /** Sign-outs, expiries and user changes, for the sockets bound to those sessions. */
  readonly revocations = new SessionRevocations();

  private constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly sessionTtlMs: number,
    private readonly clock: Clock,
  ) {}

  /** Loads (or creates on first start) the secret that signs visitor tokens. */
  static async create(store: Store, opts: { sessionTtlHours: number; clock?: Clock }): Promise<AuthService> {
    const stored = await store.kv.get(SECRET_KEY);
    const secret = typeof stored === "string" ? stored : randomBytes(32).toString("base64url");
    if (secret !== stored) await store.kv.set(SECRET_KEY, secret);
    return new AuthService(store, secret, opts.sessionTtlHours * 3_600_000, opts.clock ?? systemClock);
  }

  async createUser(input: { email: string; name: string; role: Role; password: string }): Promise<User> {
    return this.store.users.create({
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
  }

  /**
   * Signs in; the same vague error for an unknown email and a wrong password. Only someone who knows
   * the password learns that the account was deactivated.
   */
  async login(email: string, password: string): Promise<LoginResponse> {
    const found = await this.store.users.findByEmail(email.toLowerCase());
    const ok = found ? await verifyPassword(found.passwordHash, password) : false;
    if (!found || !ok) throw new DomainError("unauthorized", "wrong email or password");
    return this.startSession(found.user, "password");
  }

  /** A new session for someone whose identity was checked (a password, single sign-on, a one-time link). */
  async startSession(user: Person, method: SignInMethod): Promise<LoginResponse> {
    if (user.status !== "active")
      throw new DomainError("forbidden", "this account has been deactivated; ask a supervisor");
    const token = newSessionToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.sessionTtlMs).toISOString();
    await this.store.sessions.create({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    await this.store.audit.append({
      actor: { type: "user", id: user.id, name: user.name },
      action: "user.signed_in",
      conversationId: null,
      details: method === "password" ? {} : { method },
    });
    return { token, user, expiresAt };
  }

  /** The signed-in user for a bearer token, or null when unknown or expired. */
  async authenticate(token: string | undefined): Promise<User | null> {
    return token ? ((await this.sessionById(hashToken(token)))?.user ?? null) : null;
  }

  /** The session of a bearer token, or null when unknown or expired. */
  async session(token: string | undefined): Promise<ConsoleSession | null> {
    return token ? this.sessionById(hashToken(token)) : null;
  }

  /**
   * The session with this id as it is now (its user's current role included), or null when it was
   * signed out, has expired (it is then deleted and revoked) or its user no longer exists or was
   * deactivated (a deactivation deletes the sessions too; this holds if that was interrupted).
   */
  async sessionById(id: string): Promise<ConsoleSession | null> {
    const session = await this.store.sessions.find(id);
    if (!session) return null;
    if (session.expiresAt <= this.clock.now().toISOString()) {
      await this.store.sessions.delete(id);
      this.revocations.emit({ sessionId: id });
      return null;
    }
    const user = await this.store.users.get(session.userId);
    return user?.status === "active" ? { id, user, expiresAt: session.expiresAt } : null;
  }

  /** Milliseconds until a session expires by this service's clock (negative once it has). */
  msUntilExpiry(expiresAt: string): number {
    return Date.parse(expiresAt) - this.clock.now().getTime();
  }

  /** Signs out: the token stops working and every socket opened with it is disconnected. */
  async logout(token: string): Promise<void> {
    const id = hashToken(token);
    await this.store.sessions.delete(id);
    this.revocations.emit({ sessionId: id });
  }

  /**
   * Call it after changing a user's role (once the store holds the change). Every console socket of
   * theirs is disconnected on every instance, so it reconnects as what the user now is.
   */
  userChanged(userId: string): void {
    this.revocations.emit({ userId });
  }

  /**
   * Ends every session of a user but `exceptSessionId` (a deactivation, a reset or changed password):
   * the tokens stop working and the sockets opened with them are disconnected on every instance.
   */
  async endSessions(userId: string, exceptSessionId?: string): Promise<void> {
    await this.store.sessions.deleteForUser(userId, exceptSessionId);
    this.revocations.emit(exceptSessionId === undefined ? { userId } : { userId, exceptSessionId });
  }

  issueVisitorToken(conversationId: string): string {
    return signVisitorToken(this.secret, conversationId);
  }

  /** The conversation a visitor token grants, or null. */
  verifyVisitorToken(token: string | undefined): string | null {
    return token ? verifyVisitorToken(this.secret, token) : null;
  }
}
