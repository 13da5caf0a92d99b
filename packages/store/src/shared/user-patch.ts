import { Person } from "@handoff/contracts";

/** Conversations a new person takes at once until they change it. */
export const DEFAULT_CAPACITY = 3;

/** An account change as both adapters check it (request data passes through the ports). */
export const UserPatch = Person.pick({
  name: true,
  role: true,
  status: true,
  availability: true,
  capacity: true,
}).partial();
