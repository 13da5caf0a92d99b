import type { Express, RequestHandler } from "express";
import { systemClock } from "@handoff/core";
import type { Platform } from "../../app/create-platform";
import { OidcSignIn } from "../../auth/oidc-sign-in";
import { acceptLink, inspectLink } from "./access-link-routes";
import { assignHandoff, getAvailability, listAssignments, updateAvailability } from "./assignment-routes";
import { completeOidc, oidcCallback, signInProviders, startOidc } from "./oidc-routes";
import {
  deactivatePerson,
  invitePerson,
  listPeople,
  reactivatePerson,
  resetPassword,
  revokeInvite,
  updatePerson,
} from "./people-routes";
import { changePassword, updateProfile } from "./profile-routes";
import { createTeam, deleteTeam, listTeams, updateTeam } from "./teams-routes";

/** The gates the app already has: any signed-in user, supervisors, and the failed-sign-in limit. */
export interface Gates {
  agents: RequestHandler;
  supervisors: RequestHandler;
  signInLimit: RequestHandler;
}

/** Single sign-on, when OIDC_ISSUER is set. */
function oidcSignIn(platform: Platform): OidcSignIn | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL, OIDC_LABEL } = platform.config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !PUBLIC_URL) return null;
  return new OidcSignIn(
    {
      issuer: OIDC_ISSUER,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      redirectUri: `${PUBLIC_URL.replace(/\/+$/, "")}/api/auth/oidc/callback`,
      label: OIDC_LABEL,
    },
    platform.store,
    platform.people,
    systemClock,
  );
}

/**
 * People, teams and sign-in: accounts (supervisors), one-time links, one's own profile and
 * availability, single sign-on, teams with their business hours, and who holds what.
 */
export function mountPeopleRoutes(app: Express, platform: Platform, gates: Gates): void {
  const { agents, supervisors, signInLimit } = gates;
  const oidc = oidcSignIn(platform);
  app.get("/api/auth/providers", signInProviders(oidc, platform.config.OIDC_LABEL));
  app.post("/api/auth/oidc/start", signInLimit, startOidc(oidc));
  app.get("/api/auth/oidc/callback", oidcCallback(platform, oidc));
  app.post("/api/auth/oidc/complete", signInLimit, completeOidc(platform, oidc));
  app.post("/api/access-links/inspect", signInLimit, inspectLink(platform));
  app.post("/api/access-links/accept", signInLimit, acceptLink(platform));
  app.patch("/api/me", agents, updateProfile(platform));
  app.post("/api/me/password", signInLimit, agents, changePassword(platform));
  app.get("/api/people", supervisors, listPeople(platform));
  app.post("/api/people/invites", supervisors, invitePerson(platform));
  app.delete("/api/people/invites/:id", supervisors, revokeInvite(platform));
  app.patch("/api/people/:id", supervisors, updatePerson(platform));
  app.post("/api/people/:id/deactivate", supervisors, deactivatePerson(platform));
  app.post("/api/people/:id/reactivate", supervisors, reactivatePerson(platform));
  app.post("/api/people/:id/password-reset", supervisors, resetPassword(platform));
  app.get("/api/me/availability", agents, getAvailability(platform));
  app.patch("/api/me/availability", agents, updateAvailability(platform));
  app.get("/api/assignments", supervisors, listAssignments(platform));
  app.post("/api/handoffs/:reviewId/assign", supervisors, assignHandoff(platform));
  app.get("/api/teams", agents, listTeams(platform));
  app.post("/api/teams", supervisors, createTeam(platform));
  app.patch("/api/teams/:id", supervisors, updateTeam(platform));
  app.delete("/api/teams/:id", supervisors, deleteTeam(platform));
}
