import { z } from "zod";
import { Id, Timestamp } from "./common";
import { CategoryName } from "./settings";

/** A day of the week, as opening hours name them. */
export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof Weekday>;

/** A wall-clock time "HH:MM" (24 h); "24:00" ends a span at midnight. */
export const TimeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "a time like 09:00 or 17:30");

/** "HH:MM" as minutes after midnight. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One stretch of a weekday the team is open, in the team's time zone. */
export const OpeningSpan = z
  .object({ day: Weekday, open: TimeOfDay, close: TimeOfDay })
  .refine((span) => minutesOf(span.open) < minutesOf(span.close), {
    message: "the closing time must come after the opening time",
  });
export type OpeningSpan = z.infer<typeof OpeningSpan>;

/** A day the team is closed all day (a public holiday, a company day off), in its time zone. */
export const Holiday = z.object({
  date: z.iso.date(),
  name: z.string().trim().max(100).default(""),
});
export type Holiday = z.infer<typeof Holiday>;

/** An IANA time zone this runtime knows ("Europe/Paris", "America/New_York", "UTC"). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: "not a time zone like Europe/Paris or America/New_York" },
  );

/** When a team answers: weekly spans and holidays, in one time zone. */
export const BusinessHours = z.object({
  timeZone: TimeZone,
  weekly: z.array(OpeningSpan).max(50),
  holidays: z.array(Holiday).max(400).default([]),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

/** A member of a team (availability and capacity belong to the person, not the team). */
export const TeamMember = z.object({ userId: Id });
export type TeamMember = z.infer<typeof TeamMember>;

/**
 * A team: the people who handle some categories of questions, and when they answer. A team with no
 * categories handles every category no other team claims; no hours means always open.
 */
export const Team = z.object({
  id: Id,
  name: z.string().trim().min(1).max(80),
  categories: z.array(CategoryName).max(100),
  members: z.array(TeamMember).max(500),
  hours: BusinessHours.nullable(),
  /** How long a member has to accept an offered handoff before it goes to the next. */
  offerSeconds: z.number().int().min(5).max(600).default(30),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Team = z.infer<typeof Team>;

/** A team's own fields without defaults: what a change may set. */
const TeamBody = z.object({
  name: Team.shape.name,
  categories: Team.shape.categories,
  members: Team.shape.members,
  hours: Team.shape.hours,
  offerSeconds: Team.shape.offerSeconds.unwrap(),
});

/** POST /api/teams (supervisors): a new team. */
export const TeamInput = TeamBody.extend({
  members: Team.shape.members.default([]),
  offerSeconds: Team.shape.offerSeconds,
});
export type TeamInput = z.infer<typeof TeamInput>;

/**
 * PATCH /api/teams/:id (supervisors): the fields to change. No defaults here: a field left out stays
 * as it is (zod would otherwise fill a default into a partial object).
 */
export const TeamPatch = TeamBody.partial().refine((patch) => Object.keys(patch).length > 0, {
  message: "change at least one field",
});
export type TeamPatch = z.infer<typeof TeamPatch>;

/** Whether a team answers now, and when that changes. */
export const HoursStatus = z.object({
  open: z.boolean(),
  /** When a closed team opens next; null when open, or when it never opens (no spans). */
  opensAt: Timestamp.nullable(),
  /** When an open team closes next; null when closed, or always open. */
  closesAt: Timestamp.nullable(),
  timeZone: z.string().nullable(),
});
export type HoursStatus = z.infer<typeof HoursStatus>;

/** GET /api/teams: every team with whether it answers now. */
export const TeamList = z.object({ teams: z.array(Team.extend({ status: HoursStatus })) });
export type TeamList = z.infer<typeof TeamList>;

/** A waiting handoff offered to one person, who has until `expiresAt` to accept it. */
export const HandoffOffer = z.object({
  reviewId: Id,
  conversationId: Id,
  userId: Id,
  userName: z.string(),
  teamId: Id,
  offeredAt: Timestamp,
  expiresAt: Timestamp,
  /** Everyone it was offered to in this round, in order (the current person last). */
  tried: z.array(Id),
});
export type HandoffOffer = z.infer<typeof HandoffOffer>;

/** One person in the assignment view: their availability, what they hold and their capacity. */
export const AgentLoad = z.object({
  userId: Id,
  name: z.string(),
  role: z.enum(["agent", "supervisor"]),
  availability: z.enum(["available", "away", "offline"]),
  /** Whether they have the console open now. */
  online: z.boolean(),
  capacity: z.number().int(),
  /** The conversations they hold (claimed handoffs). */
  holding: z.array(z.object({ reviewId: Id, conversationId: Id, customer: z.string().nullable() })),
  teamIds: z.array(Id),
});
export type AgentLoad = z.infer<typeof AgentLoad>;

/** GET /api/assignments (supervisors): who holds what, and the handoffs waiting with their offers. */
export const Assignments = z.object({
  agents: z.array(AgentLoad),
  waiting: z.array(
    z.object({
      reviewId: Id,
      conversationId: Id,
      customer: z.string().nullable(),
      category: z.string().nullable(),
      createdAt: Timestamp,
      offer: HandoffOffer.nullable(),
    }),
  ),
});
export type Assignments = z.infer<typeof Assignments>;

/** POST /api/handoffs/:reviewId/assign (supervisors): give a waiting or held handoff to someone. */
export const AssignRequest = z.object({ userId: Id });
