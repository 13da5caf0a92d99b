import { useEffect, useState } from "react";

/** The pages a signed-out visitor may land on from a link: a one-time link, or back from single sign-on. */
export type AccessRoute =
  | { page: "invite" | "reset"; token: string }
  | { page: "sso"; code: string }
  | { page: "sso-error"; message: string };

/** Reads "#/invite/<token>", "#/reset/<token>", "#/sso/<code>", "#/sso-error/<message>"; else null. */
export function parseAccessRoute(hash: string): AccessRoute | null {
  const [name, value] = hash.replace(/^#\/?/, "").split("/");
  if (!value) return null;
  const decoded = decodeURIComponent(value);
  if (name === "invite" || name === "reset") return { page: name, token: decoded };
  if (name === "sso") return { page: "sso", code: decoded };
  if (name === "sso-error") return { page: "sso-error", message: decoded };
  return null;
}

/** The access route in the URL's hash, following changes. */
export function useAccessRoute(): AccessRoute | null {
  const [route, setRoute] = useState(() => parseAccessRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseAccessRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** Leaves an access page for the console's start (the token or code leaves the address bar too). */
export function leaveAccessRoute(): void {
  window.history.replaceState(null, "", `${window.location.pathname}#/`);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
