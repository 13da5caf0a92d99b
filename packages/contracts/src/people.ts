import { z } from "zod";
import { Id, Timestamp } from "./common";
import { Role, User } from "./user";

/** Whether a console account may sign in: a deactivated one keeps its history but no access. */
export const UserStatus = z.enum(["active", "deactivated"]);
export type UserStatus = z.infer<typeof UserStatus>;

/** Whether a person takes new conversations: offers go to available people with the console open. */
export const Availability = z.enum(["available", "away", "offline"]);
export type Availability = z.infer<typeof Availability>;

/** How many live conversations a person takes at once (claimed handoffs they hold). */
export const Capacity = z.number().int().min(1).max(50);

/**
 * A console account as supervisors manage it: the user, whether it may sign in, whether it takes new
 * conversations and how many at once.
 */
export const Person = User.extend({ status: UserStatus, availability: Availability, capacity: Capacity });
export type Person = z.infer<typeof Person>;

/** PATCH /api/me/availability: one's own availability and capacity. */
export const AvailabilityUpdate = z
  .object({ availability: Availability.optional(), capacity: Capacity.optional() })
  .refine((patch) => patch.availability !== undefined || patch.capacity !== undefined, {
    message: "change the availability or the capacity",
  });
export type AvailabilityUpdate = z.infer<typeof AvailabilityUpdate>;

/** A new password: long enough to resist guessing, bounded so hashing cannot be made slow. */
export const NewPassword = z
  .string()
  .min(10, "use at least 10 characters")
  .max(200, "use at most 200 characters");

/** The name colleagues and customers see. */
export const DisplayName = z.string().trim().min(1, "enter a name").max(100);

/** An email address as accounts store it (trimmed, lower-cased). */
export const AccountEmail = z.string().trim().toLowerCase().email().max(320);

/** What a one-time link is for: joining the team, or choosing a new password after a reset. */
export const AccessLinkKind = z.enum(["invite", "password_reset"]);
export type AccessLinkKind = z.infer<typeof AccessLinkKind>;

/**
 * A one-time link: an invitation to join (a new account with `role`) or a password reset for
 * `userId`. Only a hash of its token is stored; the token itself is shown once, to whoever made it.
 */
export const AccessLink = z.object({
  id: Id,
  kind: AccessLinkKind,
  email: z.string().email(),
  role: Role,
  /** The name proposed for a new account (the invitee may change it), or the account's name. */
  name: z.string().nullable(),
  /** The account a reset is for; null for an invitation. */
  userId: Id.nullable(),
  createdBy: z.object({ id: Id.nullable(), name: z.string().nullable() }),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  usedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type AccessLink = z.infer<typeof AccessLink>;

/** POST /api/people/invites (supervisors) */
export const InviteRequest = z.object({
  email: AccountEmail,
  role: Role,
  name: DisplayName.optional(),
});
export type InviteRequest = z.infer<typeof InviteRequest>;

/** A link just made: its token (shown once, to build the link) and whether it was emailed. */
export const IssuedLink = z.object({
  link: AccessLink,
  token: z.string(),
  /** "sent": emailed; "not_configured": no SMTP server set up; "failed": the SMTP server refused it. */
  mail: z.enum(["sent", "not_configured", "failed"]),
});
export type IssuedLink = z.infer<typeof IssuedLink>;

/** GET /api/people (supervisors): every account, and the invitations not yet used. */
export const PeopleList = z.object({ people: z.array(Person), invites: z.array(AccessLink) });
export type PeopleList = z.infer<typeof PeopleList>;

/** PATCH /api/people/:id (supervisors): a new role and/or name. */
export const PersonUpdate = z
  .object({ role: Role.optional(), name: DisplayName.optional() })
  .refine((patch) => patch.role !== undefined || patch.name !== undefined, {
    message: "change the role or the name",
  });
export type PersonUpdate = z.infer<typeof PersonUpdate>;

/** POST /api/access-links/inspect: what a link from an email or the console is for. */
export const LinkTokenRequest = z.object({ token: z.string().min(16).max(200) });

/** What the sign-up or reset page shows before the person fills it in. */
export const AccessLinkPreview = AccessLink.pick({
  kind: true,
  email: true,
  role: true,
  name: true,
  expiresAt: true,
});
export type AccessLinkPreview = z.infer<typeof AccessLinkPreview>;

/** POST /api/access-links/accept: joins the team (name and password) or sets the new password. */
export const AcceptLinkRequest = z.object({
  token: z.string().min(16).max(200),
  name: DisplayName.optional(),
  password: NewPassword,
});
export type AcceptLinkRequest = z.infer<typeof AcceptLinkRequest>;

/** PATCH /api/me: the signed-in user's own display name. */
export const ProfileUpdate = z.object({ name: DisplayName });

/** POST /api/me/password: the signed-in user's own password; their other sessions end. */
export const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});

/** GET /api/auth/providers: how this server lets people sign in (the sign-in page's buttons). */
export const SignInProviders = z.object({
  password: z.boolean(),
  /** OpenID Connect single sign-on, with the label of its button; null when not configured. */
  oidc: z.object({ label: z.string() }).nullable(),
});
export type SignInProviders = z.infer<typeof SignInProviders>;
