/**
 * What ends console sockets: one session (sign-out, expiry), or every session of one user but
 * `exceptSessionId` when given (the one they changed their password in).
 */
export type SessionRevocation = { sessionId: string } | { userId: string; exceptSessionId?: string };

/**
 * Announces revocations to whoever holds live connections for sessions (the console sockets). Only
 * this instance's listeners hear it; the socket layer carries it to the other instances.
 */
export class SessionRevocations {
  private readonly listeners: Array<(revocation: SessionRevocation) => void> = [];

  on(listener: (revocation: SessionRevocation) => void): void {
    this.listeners.push(listener);
  }

  emit(revocation: SessionRevocation): void {
    for (const listener of this.listeners) listener(revocation);
  }
}
