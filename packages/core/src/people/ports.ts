import type { AccessLink, Actor } from "@handoff/contracts";

/** Slow, salted password hashing (the server's Argon2id). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False, never a throw, for a mismatch or a hash it cannot read. */
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/** What became of emailing a link. */
export type MailOutcome = "sent" | "not_configured" | "failed";

/** Emails a one-time link to the person it is for (SMTP in the server; nothing when none is set up). */
export interface AccessLinkMailer {
  send(link: AccessLink, token: string): Promise<MailOutcome>;
}

/** Ends a user's console sessions (and the sockets opened with them) on every instance. */
export interface SessionEnder {
  /** Every session of the user but `exceptSessionId`, and every socket opened with them. */
  endSessions(userId: string, exceptSessionId?: string): Promise<void>;
  /** The user's role changed: their sockets reconnect as what they now are. */
  userChanged(userId: string): void;
}

/** Puts the handoffs a person holds back in the queue (the conversation service). */
export interface HandoffReturner {
  returnHandoffsOf(userId: string, actor: Actor): Promise<number>;
}
