import * as oidc from "openid-client";
import { z } from "zod";
import type { Person } from "@handoff/contracts";
import {
  DomainError,
  hashAccessToken,
  newAccessToken,
  type Clock,
  type PeopleService,
  type Store,
} from "@handoff/core";

/** The provider and this app's registration with it. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Where the provider sends the browser back: PUBLIC_URL + /api/auth/oidc/callback. */
  redirectUri: string;
  label: string;
}

/** How long a started sign-in may take at the provider, and a finished one to be picked up. */
const FLOW_TTL_MS = 10 * 60_000;
const PICKUP_TTL_MS = 60_000;

// A pending sign-in, kept in the store (any instance may get the callback), keyed by its state.
const Pending = z.object({
  codeVerifier: z.string(),
  nonce: z.string(),
  bindingHash: z.string(),
  expiresAt: z.number(),
});
// A finished sign-in waiting for the browser that started it, keyed by a hash of its one-time code.
const Finished = z.object({ userId: z.string(), bindingHash: z.string(), expiresAt: z.number() });

const pendingKey = (state: string) => `oidc-pending:${hashAccessToken(state)}`;
const finishedKey = (code: string) => `oidc-finished:${hashAccessToken(code)}`;

/** The identity the provider vouched for. */
const Claims = z.object({
  email: z.string().email(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
});

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * OpenID Connect sign-in (authorization code with PKCE, state and nonce) without cookies:
 * - `start` is called by the console with a random `binding` it keeps in the tab's sessionStorage; the
 *   provider's answer comes back to `callback`, which finds the account by the verified email (or
 *   turns an open invitation for it into one) and sends the browser to the console with a one-time code;
 * - `complete` trades that code for a session only together with the same binding, so a sign-in started
 *   in another browser (an attacker's, say) cannot end up signed in here.
 * Nobody gets an account by signing on alone: an email needs an account or an invitation.
 */
export class OidcSignIn {
  private config: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly settings: OidcSettings,
    private readonly store: Store,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  /** The provider's configuration, discovered once (again after a failure). */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.config) {
      const issuer = new URL(this.settings.issuer);
      // Plain http only for a provider on this machine (tests, a local development provider).
      const insecure = issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname);
      this.config = oidc
        .discovery(
          issuer,
          this.settings.clientId,
          undefined,
          this.settings.clientSecret ? oidc.ClientSecretPost(this.settings.clientSecret) : oidc.None(),
          insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
        )
        .catch((err: unknown) => {
          this.config = null;
          throw err;
        });
    }
    return this.config;
  }

  /** Where to send the browser to sign in at the provider. */
  async start(binding: string): Promise<URL> {
    const config = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.store.kv.set(pendingKey(state), {
      codeVerifier,
      nonce,
      bindingHash: hashAccessToken(binding),
      expiresAt: this.clock.now().getTime() + FLOW_TTL_MS,
    });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: "openid email profile",
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
  }

  /** Handles the provider's answer; returns the one-time code the console trades for a session. */
  async callback(currentUrl: URL): Promise<string> {
    const state = currentUrl.searchParams.get("state") ?? "";
    const pending = Pending.safeParse(await this.take(pendingKey(state)));
    if (!pending.success || pending.data.expiresAt < this.clock.now().getTime())
      throw new DomainError("bad_request", "this sign-in expired or was already used; start again");
    const config = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.data.codeVerifier,
      expectedState: state,
      expectedNonce: pending.data.nonce,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new DomainError("unauthorized", "the identity provider sent no identity");
    const claims = Claims.safeParse(
      typeof idClaims.email === "string"
        ? idClaims
        : await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub),
    );
    if (!claims.success)
      throw new DomainError("unauthorized", "the identity provider did not share an email");
    if (claims.data.email_verified === false)
      throw new DomainError("unauthorized", "the identity provider has not verified this email");
    const user = await this.account(claims.data.email, claims.data.name ?? null);
    const code = newAccessToken();
    await this.store.kv.set(finishedKey(code), {
      userId: user.id,
      bindingHash: pending.data.bindingHash,
      expiresAt: this.clock.now().getTime() + PICKUP_TTL_MS,
    });
    return code;
  }

  /** The account a finished sign-in is for, once, and only for the browser that started it. */
  async complete(code: string, binding: string): Promise<Person> {
    const finished = Finished.safeParse(await this.take(finishedKey(code)));
    const valid =
      finished.success &&
      finished.data.expiresAt >= this.clock.now().getTime() &&
      finished.data.bindingHash === hashAccessToken(binding);
    if (!valid)
      throw new DomainError("unauthorized", "this sign-in expired or was started in another browser");
    const user = await this.store.users.get(finished.data.userId);
    if (!user) throw new DomainError("unauthorized", "no such account");
    return user;
  }

  private async account(email: string, name: string | null): Promise<Person> {
    const found = await this.store.users.findByEmail(email);
    if (found) return found.user;
    const joined = await this.people.acceptInviteBySignOn(email, name);
    if (!joined)
      throw new DomainError("forbidden", `${email} has no account here; ask a supervisor for an invitation`);
    return joined;
  }

  /** Reads a one-time value and clears it (the key stays, holding null). */
  private async take(key: string): Promise<unknown> {
    const value = await this.store.kv.get(key);
    if (value !== null && value !== undefined) await this.store.kv.set(key, null);
    return value;
  }
}
