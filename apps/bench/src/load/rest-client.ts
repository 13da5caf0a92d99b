import { LoginResponse, VisitorSession } from "@handoff/contracts";
import { AGENT } from "@handoff/server/testing";

async function postJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** A new visitor session (token + conversation), as the widget gets on first load. */
export async function createVisitor(serverUrl: string): Promise<VisitorSession> {
  return VisitorSession.parse(await postJson(`${serverUrl}/api/visitor`, {}));
}

/**
 * Signs in the demo agent the server was seeded with. One sign-in serves every bench console: the
 * server allows 20 sign-ins per 15 minutes per address, and the demo has a single agent account.
 */
export async function signInAgent(serverUrl: string): Promise<LoginResponse> {
  return LoginResponse.parse(await postJson(`${serverUrl}/api/auth/login`, AGENT));
}
