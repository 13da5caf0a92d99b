import { z } from "zod";
import { CustomerProfile } from "./conversation";
import { MarkdownFile } from "./knowledge";
import { User } from "./user";

/** POST /api/auth/login */
export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});
/** Answer to a successful sign-in: a bearer token for REST and the console socket. */
export const LoginResponse = z.object({ token: z.string(), user: User, expiresAt: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A site backend's HMAC-SHA256 (hex) of its user id, so a visitor cannot pose as another user. */
export const VisitorIdentity = z.object({
  userId: z.string().trim().min(1).max(200),
  signature: z.string().trim().min(1).max(200),
});
export type VisitorIdentity = z.infer<typeof VisitorIdentity>;

/** POST /api/visitor: start (or resume, with a stored token) a customer's conversation. */
export const VisitorSessionRequest = z.object({
  token: z.string().max(500).optional(),
  customer: CustomerProfile.optional(),
  identity: VisitorIdentity.optional(),
});
/** The visitor token is scoped to exactly one conversation. */
export const VisitorSession = z.object({
  token: z.string(),
  conversationId: z.string(),
  /** True when the identity signature was verified. */
  identified: z.boolean().optional(),
});
export type VisitorSession = z.infer<typeof VisitorSession>;

/** POST /api/kb/import (supervisors): Markdown files with YAML front matter. */
export const KbImportRequest = z.object({ files: z.array(MarkdownFile).min(1).max(2000) });
/** What an import did; `quarantined` lists the imported articles held back for a supervisor, with why. */
export const KbImportResult = z.object({
  imported: z.array(z.string()),
  total: z.number().int(),
  quarantined: z.array(z.object({ id: z.string(), reasons: z.array(z.string()) })).optional(),
});
export type KbImportResult = z.infer<typeof KbImportResult>;

/** GET /api/audit query. */
export const AuditQuery = z.object({
  conversationId: z.string().max(128).optional(),
  action: z.string().max(64).optional(),
  /** Words that must all appear in the event (actor, action, conversation or details), any case. */
  text: z.string().trim().max(200).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
