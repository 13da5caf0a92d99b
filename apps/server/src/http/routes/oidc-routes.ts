import type { Request, Response } from "express";
import { z } from "zod";
import { SignInProviders } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import type { Platform } from "../../app/create-platform";
import type { OidcSignIn } from "../../auth/oidc-sign-in";

const Binding = z.string().min(16).max(200);
const StartRequest = z.object({ binding: Binding });
const CompleteRequest = z.object({ code: z.string().min(16).max(200), binding: Binding });

/** GET /api/auth/providers: how people may sign in here (the sign-in page's buttons). */
export const signInProviders = (oidc: OidcSignIn | null, label: string) => (_req: Request, res: Response) => {
  res.json(SignInProviders.parse({ password: true, oidc: oidc ? { label } : null }));
};

/** POST /api/auth/oidc/start: where to send the browser to sign in at the identity provider. */
export const startOidc = (oidc: OidcSignIn | null) => async (req: Request, res: Response) => {
  const { binding } = StartRequest.parse(req.body);
  res.json({ url: (await required(oidc).start(binding)).href });
};

/**
 * GET /api/auth/oidc/callback: the provider's answer. The browser goes back to the console with a
 * one-time code (or the reason it failed) in the hash, which never reaches a server log.
 */
export const oidcCallback =
  (platform: Platform, oidc: OidcSignIn | null) => async (req: Request, res: Response) => {
    const here = new URL(req.originalUrl, platform.config.PUBLIC_URL ?? "http://localhost");
    const refused = here.searchParams.get("error_description") ?? here.searchParams.get("error");
    try {
      if (refused) throw new DomainError("unauthorized", `the identity provider refused: ${refused}`);
      const code = await required(oidc).callback(here);
      res.redirect(302, `/console/#/sso/${encodeURIComponent(code)}`);
    } catch (err) {
      const message = err instanceof DomainError ? err.message : "single sign-on failed; try again";
      if (!(err instanceof DomainError)) platform.logger.warn({ err }, "single sign-on failed");
      res.redirect(302, `/console/#/sso-error/${encodeURIComponent(message)}`);
    }
  };

/** POST /api/auth/oidc/complete: trades the one-time code (with the tab's binding) for a session. */
export const completeOidc =
  (platform: Platform, oidc: OidcSignIn | null) => async (req: Request, res: Response) => {
    const { code, binding } = CompleteRequest.parse(req.body);
    const user = await required(oidc).complete(code, binding);
    res.json(await platform.auth.startSession(user, "sso"));
  };

function required(oidc: OidcSignIn | null): OidcSignIn {
  if (!oidc) throw new DomainError("not_found", "single sign-on is not set up on this server");
  return oidc;
}
