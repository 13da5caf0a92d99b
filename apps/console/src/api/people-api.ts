import { z } from "zod";
import {
  AccessLink,
  AccessLinkPreview,
  IssuedLink,
  LoginResponse,
  PeopleList,
  Person,
  SignInProviders,
  User,
  type InviteRequest,
  type PersonUpdate,
} from "@handoff/contracts";
import { request } from "./http";
import type { RestClient } from "./rest-client";

const One = z.object({ person: Person });

/** GET /api/people: every account and the open invitations. */
export const listPeople = (client: RestClient) => client.get(PeopleList, "/api/people");

/** Invites someone: the link (shown once) and whether it was emailed. */
export const invitePerson = (client: RestClient, input: InviteRequest) =>
  client.post(IssuedLink, "/api/people/invites", input);

/** Withdraws an unused invitation. */
export const revokeInvite = (client: RestClient, id: string) =>
  client.delete(z.object({ link: AccessLink }), `/api/people/invites/${encodeURIComponent(id)}`);

/** A new role or name for someone. */
export const updatePerson = (client: RestClient, id: string, patch: PersonUpdate) =>
  client.patch(One, `/api/people/${encodeURIComponent(id)}`, patch).then((r) => r.person);

/** Takes someone's access away; their held handoffs go back to the queue. */
export const deactivatePerson = (client: RestClient, id: string) =>
  client.post(
    z.object({ person: Person, returnedHandoffs: z.number() }),
    `/api/people/${encodeURIComponent(id)}/deactivate`,
    {},
  );

/** Gives someone their access back. */
export const reactivatePerson = (client: RestClient, id: string) =>
  client.post(One, `/api/people/${encodeURIComponent(id)}/reactivate`, {}).then((r) => r.person);

/** Resets someone's password: a one-time link for them to choose a new one. */
export const resetPassword = (client: RestClient, id: string) =>
  client.post(IssuedLink, `/api/people/${encodeURIComponent(id)}/password-reset`, {});

/** The signed-in user's own name. */
export const updateProfile = (client: RestClient, name: string) =>
  client.patch(z.object({ user: User }), "/api/me", { name }).then((r) => r.user);

/** The signed-in user's own password (their other sessions end). */
export const changePassword = (client: RestClient, currentPassword: string, newPassword: string) =>
  client.post(z.unknown(), "/api/me/password", { currentPassword, newPassword });

// Before signing in: links from an invitation or a reset, and single sign-on.

/** What a one-time link is for. */
export const inspectLink = (token: string) =>
  request(z.object({ link: AccessLinkPreview }), "POST", "/api/access-links/inspect", {
    body: { token },
  }).then((r) => r.link);

/** Joins (or sets the new password) through a link, and signs in. */
export const acceptLink = (token: string, password: string, name?: string) =>
  request(LoginResponse, "POST", "/api/access-links/accept", { body: { token, password, name } });

/** How this server lets people sign in. */
export const signInProviders = () => request(SignInProviders, "GET", "/api/auth/providers");

/** Where to send the browser for single sign-on, bound to this tab by `binding`. */
export const startSignOn = (binding: string) =>
  request(z.object({ url: z.string().url() }), "POST", "/api/auth/oidc/start", { body: { binding } }).then(
    (r) => r.url,
  );

/** Trades the code single sign-on came back with for a session. */
export const completeSignOn = (code: string, binding: string) =>
  request(LoginResponse, "POST", "/api/auth/oidc/complete", { body: { code, binding } });

/** The link to pass on for a one-time token (the same page the emailed link opens). */
export function accessLinkUrl(kind: AccessLink["kind"], token: string): string {
  const page = kind === "invite" ? "invite" : "reset";
  return `${window.location.origin}/console/#/${page}/${encodeURIComponent(token)}`;
}
