import type { Actor, User } from "@handoff/contracts";

/** The customer, as the actor of what they do (audit, decisions made on their behalf). */
export const CUSTOMER: Actor = { type: "customer", id: null, name: null };

/** A console user as the actor of what they do. */
export const asActor = (user: Pick<User, "id" | "name">): Actor => ({
  type: "user",
  id: user.id,
  name: user.name,
});
