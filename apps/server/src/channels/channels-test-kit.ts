import { ApiKeyCreated, LoginResponse, type ApiKeyScope } from "@handoff/contracts";
import { AGENT, api, SUPERVISOR, type TestServer } from "../testing";

/** Signs in and returns the session token. */
export async function signIn(s: TestServer, who = SUPERVISOR): Promise<string> {
  return LoginResponse.parse((await api(s, "POST", "/api/auth/login", who)).body).token;
}

/** An API key with these scopes, as a supervisor creates it. */
export async function apiKey(s: TestServer, scopes: ApiKeyScope[]): Promise<string> {
  const res = await api(s, "POST", "/api/api-keys", { name: "bridge", scopes }, await signIn(s));
  return ApiKeyCreated.parse(res.body).secret;
}

/** Polls until `probe` gives a value. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An agent's REST reply in a conversation they hold. */
export async function agentReply(s: TestServer, conversationId: string, text: string, clientId: string) {
  return api(
    s,
    "POST",
    `/api/conversations/${conversationId}/messages`,
    { clientId, text },
    await signIn(s, AGENT),
  );
}
