import type { LoginResponse } from "@handoff/contracts";
import { AccessLinkPage } from "./auth/access-link-page";
import { leaveAccessRoute, useAccessRoute } from "./auth/access-route";
import { LoginPage } from "./auth/login-page";
import { SignOnReturn } from "./auth/sign-on-return";
import { useSession } from "./auth/use-session";
import { ConsoleShell } from "./console-shell";

/**
 * Sign in first; then the console for that account (a reload keeps the session). A link from an
 * invitation, a password reset or single sign-on opens its own page, signed in or not.
 */
export function App() {
  const { session, login, logout, expire, adopt, refresh, renamed } = useSession();
  const access = useAccessRoute();
  const signedIn = (result: LoginResponse) => {
    adopt(result);
    leaveAccessRoute();
  };
  if (access?.page === "invite" || access?.page === "reset")
    return <AccessLinkPage kind={access.page} token={access.token} onSignedIn={signedIn} />;
  if (access?.page === "sso") return <SignOnReturn code={access.code} onSignedIn={signedIn} />;
  if (!session)
    return <LoginPage onLogin={login} signOnError={access?.page === "sso-error" ? access.message : null} />;
  return (
    <ConsoleShell
      key={session.token}
      session={session}
      onSignOut={() => void logout()}
      onExpired={expire}
      onReconnected={refresh}
      onRenamed={renamed}
    />
  );
}
