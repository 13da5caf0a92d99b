import { completeSignOn, startSignOn } from "../api/people-api";

const KEY = "handoff.console.sso-binding";

/**
 * Starts single sign-on: a random binding kept in this tab only goes with the request, and only this
 * tab can finish the sign-in with it (a sign-in someone started elsewhere cannot land here).
 */
export async function beginSignOn(): Promise<void> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const binding = btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (c) =>
    c === "+" ? "-" : c === "/" ? "_" : "",
  );
  sessionStorage.setItem(KEY, binding);
  window.location.assign(await startSignOn(binding));
}

/** Finishes single sign-on with the code the server sent the browser back with. */
export async function finishSignOn(code: string) {
  const binding = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!binding) throw new Error("This sign-in was started in another tab or browser. Start it again here.");
  return completeSignOn(code, binding);
}
