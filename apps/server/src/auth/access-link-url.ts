import type { AccessLinkKind } from "@handoff/contracts";

/** The console page a one-time link opens (the token rides in the hash, so it never reaches a log). */
export function accessLinkUrl(publicUrl: string, kind: AccessLinkKind, token: string): string {
  const page = kind === "invite" ? "invite" : "reset";
  return `${publicUrl.replace(/\/+$/, "")}/console/#/${page}/${encodeURIComponent(token)}`;
}
