import { LoginPage } from "./auth/login-page";
import { useSession } from "./auth/use-session";
import { ConsoleShell } from "./console-shell";

/** Sign in first; then the console for that account (a reload keeps the session). */
export function App() {
  const { session, login, logout, expire } = useSession();
  if (!session) return <LoginPage onLogin={login} />;
  return (
    <ConsoleShell key={session.token} session={session} onSignOut={() => void logout()} onExpired={expire} />
  );
}
