import { LoginResponse, VisitorSession } from "@handoff/contracts";
import { AGENT, api } from "@handoff/server/testing";

async function post(serverUrl: string, route: string, body: unknown): Promise<unknown> {
  const res = await api({ url: serverUrl }, "POST", route, body);
  if (res.status >= 300) throw new Error(`POST ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new visitor session (token + conversation), as the widget gets on first load. */
export async function createVisitor(serverUrl: string): Promise<VisitorSession> {
  return VisitorSession.parse(await post(serverUrl, "/api/visitor", {}));
}

/**
 * Signs in the demo agent the server was seeded with. One sign-in serves every bench console: the
 * server allows 20 sign-ins per 15 minutes per address, and the demo has a single agent account.
 */
export async function signInAgent(serverUrl: string): Promise<LoginResponse> {
  return LoginResponse.parse(await post(serverUrl, "/api/auth/login", AGENT));
}
