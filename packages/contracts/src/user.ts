import { z } from "zod";
import { Id, Timestamp } from "./common";

/** What a console user may do: supervisors can also curate, tune and import. */
export const Role = z.enum(["agent", "supervisor"]);
export type Role = z.infer<typeof Role>;

/** A console user as seen by clients (never includes the password hash). */
export const User = z.object({
  id: Id,
  email: z.string().email(),
  name: z.string(),
  role: Role,
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;
