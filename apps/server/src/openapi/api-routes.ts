import { z } from "zod";
import {
  AgentMessageCreate,
  ApiChannel,
  ApiChannelCreate,
  ApiChannelCreated,
  ApiChannelList,
  ApiChannelUpdate,
  ChannelDeliveryList,
  ChannelMessageAccepted,
  ChannelMessageCreate,
  ChannelLink,
  ContinueByEmail,
  ConversationChannel,
  InboundEmail,
  InboundEmailAccepted,
  AgentMessageCreated,
  ApiKey,
  ApproverList,
  ApproverPrefs,
  ApproverPrefsPatch,
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyList,
  AuditQuery,
  ConversationSearchQuery,
  CorrectionQuery,
  InviteRequest,
  KbImportRequest,
  KbImportResult,
  LoginRequest,
  LoginResponse,
  Metrics,
  PeopleList,
  SavedReplyCreate,
  SavedReplyList,
  SavedReplyUpdate,
  Settings,
  TeamInput,
  TeamList,
  TeamPatch,
  VisitorSession,
  WebhookCreate,
  WebhookCreated,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookList,
  WebhookUpdate,
} from "@handoff/contracts";
import type { RouteMethod } from "../api-keys/key-scopes";

/** Who may call a route: anyone, any signed-in console user, or supervisors only. */
export type RouteAccess = "public" | "agent" | "supervisor";

/** One REST route as the OpenAPI document describes it; schemas come from contracts. */
export interface ApiRoute {
  method: RouteMethod;
  /** The Express path (`:id` parameters). */
  path: string;
  tag: string;
  summary: string;
  access: RouteAccess;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
}

const r = (
  method: RouteMethod,
  path: string,
  tag: string,
  access: RouteAccess,
  summary: string,
  schemas: Pick<ApiRoute, "query" | "body" | "response"> = {},
): ApiRoute => ({ method, path, tag, access, summary, ...schemas });

/** Every REST route of the server; a test checks this list against the routes Express has. */
export const API_ROUTES: readonly ApiRoute[] = [
  r("get", "/healthz", "Operations", "public", "Health check: 200 when the store answers"),
  r("get", "/api/openapi.json", "Operations", "public", "This OpenAPI 3.1 document"),
  r("get", "/api/docs", "Operations", "public", "The API reference rendered as a page"),
  r("post", "/api/auth/login", "Auth", "public", "Sign in to the console", {
    body: LoginRequest,
    response: LoginResponse,
  }),
  r("post", "/api/auth/logout", "Auth", "public", "End the session of the bearer token"),
  r("get", "/api/auth/me", "Auth", "agent", "The signed-in user"),
  r("get", "/api/auth/providers", "Auth", "public", "Single sign-on providers offered on the sign-in page"),
  r("post", "/api/auth/oidc/start", "Auth", "public", "Start an OpenID Connect sign-in"),
  r("get", "/api/auth/oidc/callback", "Auth", "public", "OpenID Connect redirect target"),
  r(
    "post",
    "/api/auth/oidc/complete",
    "Auth",
    "public",
    "Finish an OpenID Connect sign-in in the tab that started it",
  ),
  r("post", "/api/access-links/inspect", "People", "public", "What an invitation or reset link is for"),
  r(
    "post",
    "/api/access-links/accept",
    "People",
    "public",
    "Join through an invitation or choose a new password",
  ),
  r("patch", "/api/me", "People", "agent", "Change your own name"),
  r("post", "/api/me/password", "People", "agent", "Change your own password"),
  r("get", "/api/me/availability", "Assignment", "agent", "Your availability and capacity"),
  r("patch", "/api/me/availability", "Assignment", "agent", "Set your availability and capacity"),
  r("get", "/api/people", "People", "supervisor", "Accounts and open invitations", { response: PeopleList }),
  r("post", "/api/people/invites", "People", "supervisor", "Invite someone (one-time link)", {
    body: InviteRequest,
  }),
  r("delete", "/api/people/invites/:id", "People", "supervisor", "Withdraw an invitation"),
  r("patch", "/api/people/:id", "People", "supervisor", "Change someone's name or role"),
  r("post", "/api/people/:id/deactivate", "People", "supervisor", "Deactivate an account"),
  r("post", "/api/people/:id/reactivate", "People", "supervisor", "Reactivate an account"),
  r("post", "/api/people/:id/password-reset", "People", "supervisor", "Issue a password reset link"),
  r("get", "/api/assignments", "Assignment", "supervisor", "Who holds what, and what waits with whose offer"),
  r("post", "/api/handoffs/:reviewId/assign", "Assignment", "supervisor", "Give a handoff to someone"),
  r("get", "/api/teams", "Teams", "agent", "Teams with their hours and whether they are open", {
    response: TeamList,
  }),
  r("post", "/api/teams", "Teams", "supervisor", "Create a team", { body: TeamInput }),
  r("patch", "/api/teams/:id", "Teams", "supervisor", "Change a team", { body: TeamPatch }),
  r("delete", "/api/teams/:id", "Teams", "supervisor", "Delete a team"),
  r("post", "/api/visitor", "Widget", "public", "A visitor session for the widget", {
    response: VisitorSession,
  }),
  r("get", "/api/conversations/:id", "Conversations", "agent", "A conversation's transcript and reviews"),
  r(
    "post",
    "/api/conversations/:id/messages",
    "Conversations",
    "agent",
    "Reply to the customer or leave a note",
    {
      body: AgentMessageCreate,
      response: AgentMessageCreated,
    },
  ),
  r("get", "/api/search/conversations", "Conversations", "agent", "Search conversations", {
    query: ConversationSearchQuery,
  }),
  r(
    "get",
    "/api/customers/profile",
    "Conversations",
    "agent",
    "A customer's other conversations and ratings",
  ),
  r("get", "/api/api-keys", "API keys", "supervisor", "Every API key (prefix only)", {
    response: ApiKeyList,
  }),
  r("post", "/api/api-keys", "API keys", "supervisor", "Create a key; its secret is in this answer only", {
    body: ApiKeyCreate,
    response: ApiKeyCreated,
  }),
  r("post", "/api/api-keys/:id/revoke", "API keys", "supervisor", "Revoke a key", {
    response: z.object({ key: ApiKey }),
  }),
  r("get", "/api/webhooks", "Webhooks", "supervisor", "Webhook endpoints", { response: WebhookList }),
  r(
    "post",
    "/api/webhooks",
    "Webhooks",
    "supervisor",
    "Register an endpoint; its secret is in this answer only",
    {
      body: WebhookCreate,
      response: WebhookCreated,
    },
  ),
  r("patch", "/api/webhooks/:id", "Webhooks", "supervisor", "Enable, disable or change an endpoint", {
    body: WebhookUpdate,
    response: z.object({ endpoint: WebhookEndpoint }),
  }),
  r("get", "/api/webhooks/:id/deliveries", "Webhooks", "supervisor", "An endpoint's latest deliveries", {
    response: WebhookDeliveryList,
  }),
  r("get", "/api/channels", "Channels", "supervisor", "API channels", { response: ApiChannelList }),
  r(
    "post",
    "/api/channels",
    "Channels",
    "supervisor",
    "Create an API channel; its secret is in this answer only",
    {
      body: ApiChannelCreate,
      response: ApiChannelCreated,
    },
  ),
  r(
    "patch",
    "/api/channels/:id",
    "Channels",
    "supervisor",
    "Enable, disable, rename or move an API channel",
    {
      body: ApiChannelUpdate,
      response: z.object({ channel: ApiChannel }),
    },
  ),
  r("get", "/api/channels/:id/deliveries", "Channels", "supervisor", "An API channel's latest replies", {
    response: ChannelDeliveryList,
  }),
  r(
    "post",
    "/api/channels/:id/messages",
    "Channels",
    "agent",
    "A customer's message on another platform (API key only); replies go to the channel's webhook",
    { body: ChannelMessageCreate, response: ChannelMessageAccepted },
  ),
  r(
    "post",
    "/api/channels/email/inbound",
    "Channels",
    "agent",
    "A parsed inbound email (API key only), matched by its reply+<token>@ address",
    { body: InboundEmail, response: InboundEmailAccepted },
  ),
  r(
    "get",
    "/api/conversations/:id/channel",
    "Channels",
    "agent",
    "A conversation's channel and its deliveries",
    { response: ConversationChannel },
  ),
  r("post", "/api/conversations/:id/email", "Channels", "agent", "Continue a conversation by email", {
    body: ContinueByEmail,
    response: z.object({ link: ChannelLink }),
  }),
  r("get", "/api/me/approvals", "Approvers", "agent", "Your approvals outside the console (email, Slack)", {
    response: ApproverPrefs,
  }),
  r("patch", "/api/me/approvals", "Approvers", "agent", "Get approvals by email; link your Slack member id", {
    body: ApproverPrefsPatch,
    response: ApproverPrefs,
  }),
  r("get", "/api/approvers", "Approvers", "supervisor", "Everyone's approval preferences", {
    response: ApproverList,
  }),
  r("patch", "/api/approvers/:id", "Approvers", "supervisor", "Set a person's approval preferences", {
    body: ApproverPrefsPatch,
    response: ApproverPrefs,
  }),
  r(
    "get",
    "/api/approval-links/:token",
    "Approvers",
    "public",
    "An emailed approve / reject / open link: a page that shows the approval and asks to confirm (HTML)",
  ),
  r(
    "post",
    "/api/approval-links/:token",
    "Approvers",
    "public",
    "Confirm an emailed link (form-encoded; `reason` to reject): decides once, as in the console (HTML)",
  ),
  r(
    "post",
    "/api/slack/interactivity",
    "Approvers",
    "public",
    "Slack's interactivity Request URL: a signed block_actions click (X-Slack-Signature) decides an approval",
  ),
  r("get", "/api/kb/articles", "Knowledge", "agent", "Live help-center articles"),
  r("post", "/api/kb/import", "Knowledge", "supervisor", "Import Markdown articles", {
    body: KbImportRequest,
    response: KbImportResult,
  }),
  r("get", "/api/kb/quarantine", "Knowledge", "supervisor", "Articles and corrections held back"),
  r("post", "/api/kb/articles/:id/release", "Knowledge", "supervisor", "Release a quarantined article"),
  r("delete", "/api/kb/articles/:id", "Knowledge", "supervisor", "Delete an article"),
  r("post", "/api/corrections/:id/release", "Corrections", "supervisor", "Release a quarantined correction"),
  r("get", "/api/audit", "Audit", "supervisor", "The audit log", { query: AuditQuery }),
  r("get", "/api/audit/export", "Audit", "supervisor", "Export the audit log"),
  r("get", "/api/corrections", "Corrections", "supervisor", "The feedback queue", { query: CorrectionQuery }),
  r("post", "/api/corrections/merge", "Corrections", "supervisor", "Merge duplicate corrections"),
  r("post", "/api/corrections/bulk", "Corrections", "supervisor", "The same action on many corrections"),
  r("post", "/api/corrections/:id/approve", "Corrections", "supervisor", "Approve a correction"),
  r("post", "/api/corrections/:id/reject", "Corrections", "supervisor", "Reject a correction"),
  r("post", "/api/corrections/:id/retire", "Corrections", "supervisor", "Retire an approved correction"),
  r("get", "/api/metrics", "Metrics", "supervisor", "Automation, precision and handling metrics", {
    response: Metrics,
  }),
  r("get", "/api/metrics/recommendations", "Metrics", "supervisor", "Threshold recommendations"),
  r("post", "/api/metrics/recommendations/apply", "Metrics", "supervisor", "Apply a recommendation"),
  r("post", "/api/confidence/refit/preview", "Metrics", "supervisor", "Preview a confidence refit"),
  r("post", "/api/confidence/refit/apply", "Metrics", "supervisor", "Apply a confidence refit"),
  r("get", "/api/privacy/export", "Privacy", "supervisor", "Export everything about one customer"),
  r("post", "/api/privacy/erase", "Privacy", "supervisor", "Erase everything about one customer"),
  r("get", "/api/saved-replies", "Saved replies", "agent", "The team's replies and your own", {
    response: SavedReplyList,
  }),
  r("post", "/api/saved-replies", "Saved replies", "agent", "Add a saved reply", { body: SavedReplyCreate }),
  r("patch", "/api/saved-replies/:id", "Saved replies", "agent", "Change a saved reply", {
    body: SavedReplyUpdate,
  }),
  r("delete", "/api/saved-replies/:id", "Saved replies", "agent", "Delete a saved reply"),
  r("get", "/api/settings", "Settings", "agent", "Routing and policy settings", { response: Settings }),
  r("put", "/api/settings", "Settings", "supervisor", "Change settings (audited)"),
];
