import { CustomerProfile, VisitorIdentity, VisitorSession } from "@handoff/contracts";
import type { Identity } from "../../shared/bridge-protocol";
import { failure, type ApiResult } from "./api-result";

/** The body of POST /api/visitor, including the proposed `identity` (ignored by today's server). */
export interface VisitorRequest {
  token?: string;
  customer?: CustomerProfile;
  identity?: VisitorIdentity;
}

/** Turns what the site passed to identify() into a request body, dropping invalid fields. */
export function identityRequest(identity: Identity): Pick<VisitorRequest, "customer" | "identity"> {
  const customer: CustomerProfile = {};
  const name = CustomerProfile.shape.name.safeParse(identity.name);
  if (name.success && name.data) customer.name = name.data;
  const email = CustomerProfile.shape.email.safeParse(identity.email);
  if (email.success && email.data) customer.email = email.data;
  const signed = VisitorIdentity.safeParse({ userId: identity.userId, signature: identity.signature });
  if (signed.success) customer.externalId = signed.data.userId;
  return { customer, ...(signed.success ? { identity: signed.data } : {}) };
}

/** POST /api/visitor: resumes the conversation of a valid stored token, or starts a new one. */
export async function requestVisitorSession(
  server: string,
  body: VisitorRequest,
): Promise<ApiResult<VisitorSession>> {
  let response: Response;
  try {
    response = await fetch(`${server}/api/visitor`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
    });
  } catch {
    return failure("network", "the server cannot be reached");
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      typeof json === "object" && json !== null && "error" in json ? JSON.stringify(json.error) : "";
    return failure(response.status === 400 ? "bad_request" : "internal", message || response.statusText);
  }
  const parsed = VisitorSession.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : failure("bad_response", "unreadable session");
}
