import type { ChannelRepo } from "./channel-repo";
import type {
  AccessLink,
  Availability,
  Article,
  AuditEntry,
  AuditEvent,
  AuditQuery,
  Author,
  Conversation,
  ConversationStatus,
  Correction,
  CorrectionStatus,
  CustomerErasure,
  CustomerLanguage,
  CustomerProfile,
  HandoffOffer,
  KnowledgeScreening,
  Message,
  MessageHandling,
  Notice,
  Person,
  Review,
  ReviewStatus,
  Role,
  SavedReply,
  SourceRef,
  Team,
  UserStatus,
} from "@handoff/contracts";
import type { ApiKeyRepo } from "./api-key-repo";
import type { WebhookRepo } from "./webhook-repo";

/** A message to append; the store assigns id, seq and createdAt. */
export interface NewMessage {
  conversationId: string;
  clientId: string | null;
  author: Author;
  authorName: string | null;
  text: string;
  /** A system message's notice kind (its text is then empty); channels render it. */
  notice?: Notice;
  sources: SourceRef[];
  internal: boolean;
}

/** Fields a lifecycle transition may set alongside the status. */
export interface ConversationPatch {
  status: ConversationStatus;
  assigneeId?: string | null;
  assigneeName?: string | null;
  category?: string | null;
}

/** Conversations and their lifecycle state. */
export interface ConversationRepo {
  create(input: { id: string; customer: CustomerProfile }): Promise<Conversation>;
  get(id: string): Promise<Conversation | null>;
  /** Compare-and-set: applies only if the current status is one of `from`; null when it was not. */
  transition(
    id: string,
    from: readonly ConversationStatus[],
    patch: ConversationPatch,
  ): Promise<Conversation | null>;
  updateCustomer(id: string, customer: CustomerProfile): Promise<Conversation | null>;
  /**
   * Records the customer's language (leaves updatedAt alone: it is no activity in the inbox). False when
   * the conversation does not exist.
   */
  setLanguage(id: string, language: CustomerLanguage): Promise<boolean>;
  /** Most recently updated first. */
  list(filter: { statuses?: readonly ConversationStatus[]; limit: number }): Promise<Conversation[]>;
}

/** A message as a run's turn context reads it: no sources, notice or author name. */
export type ContextMessage = Pick<Message, "seq" | "author" | "text" | "clientId" | "internal" | "createdAt">;

/** Messages with a per-conversation sequence number. */
export interface MessageRepo {
  /**
   * Appends atomically with seq = conversation.lastSeq + 1 and updates the conversation's lastSeq,
   * preview and updatedAt, and returns the conversation as that update left it (no read after it). A
   * repeated non-null (conversationId, clientId) stores nothing and returns the first message with
   * duplicate: true.
   */
  append(input: NewMessage): Promise<AppendedMessage>;
  /** Messages with seq > since, ascending, at most `limit`. */
  listSince(conversationId: string, since: number, limit?: number): Promise<Message[]>;
  /** The last `count` messages, ascending by seq. */
  listRecent(conversationId: string, count: number): Promise<Message[]>;
  /**
   * listRecent with only what a run's context reads: the main thread reads it for every customer
   * message, and whole messages cost ~3x as much to read.
   */
  listRecentContext(conversationId: string, count: number): Promise<ContextMessage[]>;
  /**
   * The customer messages of a conversation the bot has not finished with (`queued` or `held`),
   * ascending by seq. A customer message is stored `queued`; every other author's has no handling.
   */
  listWaiting(conversationId: string): Promise<WaitingMessage[]>;
  /** Where each of a conversation's customer messages stands, ascending by seq (checks of the lifecycle). */
  listHandling(conversationId: string): Promise<Array<{ seq: number; handling: MessageHandling }>>;
  /**
   * Conversations with a customer message still `queued` that was stored at or before `before`, the
   * one waiting longest first: the recovery sweep's due work, found through an index.
   */
  listQueuedConversations(before: string, limit: number): Promise<string[]>;
  /**
   * Compare-and-set of the handling of a conversation's customer messages: the one with `seq`, or
   * every one when it is left out, that is in one of `from`. Returns how many changed.
   */
  setHandling(
    conversationId: string,
    change: { seq?: number; from: readonly MessageHandling[]; to: MessageHandling },
  ): Promise<number>;
}

/**
 * What an append did: a new message with the conversation its bump left (lastSeq at least the
 * message's seq; a concurrent append may already have moved it further), or the message an earlier
 * append with the same clientId stored.
 */
export type AppendedMessage =
  { message: Message; duplicate: false; conversation: Conversation } | { message: Message; duplicate: true };

/** A customer message the bot has not finished with, and where it stands. */
export interface WaitingMessage {
  message: Message;
  handling: Extract<MessageHandling, "queued" | "held">;
}

/** Pauses waiting on a person (approvals and handoffs). */
export interface ReviewRepo {
  /** Inserts unless a review with this id exists; returns the stored one either way. */
  create(review: Review): Promise<{ review: Review; created: boolean }>;
  get(id: string): Promise<Review | null>;
  /** Reviews in one of the statuses, oldest first. */
  listByStatus(statuses: readonly ReviewStatus[], limit: number): Promise<Review[]>;
  listByConversation(conversationId: string): Promise<Review[]>;
  /** Compare-and-set pending -> claimed for a handoff; null when someone else got there first. */
  claim(id: string, assignee: { id: string; name: string }): Promise<Review | null>;
  /**
   * Compare-and-set of who holds a claimed handoff: applies only while it is claimed by
   * `fromAssigneeId`; to null puts it back in the queue (pending, nobody assigned).
   */
  reassign(
    id: string,
    fromAssigneeId: string,
    to: { id: string; name: string } | null,
  ): Promise<Review | null>;
  /** Compare-and-set from `from` -> decided, recording the decision; null when it was not in `from`. */
  decide(
    id: string,
    from: readonly ReviewStatus[],
    decision: NonNullable<Review["decision"]>,
    decidedBy: string | null,
  ): Promise<Review | null>;
  /**
   * Pending or claimed reviews whose deadline is at or before `now` and whose deadline policy has not
   * run (see markDeadlineApplied), soonest first, through an index: the deadline sweep's due work.
   */
  listDue(now: string, limit: number): Promise<Review[]>;
  /**
   * Takes a review out of the due set once its deadline policy has run (or it no longer waits on its
   * deadline), so the sweep's cost follows new due work, not every pause that ever timed out. The
   * shown `deadline` is kept; bringing the deadline forward puts the review back.
   */
  markDeadlineApplied(id: string): Promise<void>;
  /**
   * Brings a pending review's deadline forward to `deadline` (so its timeout applies sooner, when the
   * team closes); never moves it later. Null when the review is not pending or already due by then.
   */
  bringDeadlineForward(id: string, deadline: string): Promise<Review | null>;
  /**
   * Decided reviews whose decision the graph has not yet been marked as having applied, decided at or
   * before `before`, oldest first (the recovery sweep's due work, found through an index).
   * `decide` puts a review here; `markApplied` takes it out.
   */
  listUnapplied(before: string, limit: number): Promise<Review[]>;
  /** The decision has been applied to the graph (or never can be): recovery leaves it alone. */
  markApplied(id: string): Promise<void>;
}

/** Human corrections (few-shot feedback). */
export interface CorrectionRepo {
  /** Inserts unless a correction with the same non-null sourceKey exists; returns the stored one. */
  create(correction: Correction): Promise<{ correction: Correction; created: boolean }>;
  get(id: string): Promise<Correction | null>;
  list(filter: { status?: CorrectionStatus; limit: number }): Promise<Correction[]>;
  setStatus(id: string, status: CorrectionStatus, reviewedBy: string | null): Promise<Correction | null>;
  /** Rewrites a correction's text, tags or reason (fields left out stay); null when it does not exist. */
  update(id: string, patch: CorrectionPatch): Promise<Correction | null>;
}

/** What a supervisor may rewrite on a correction. */
export interface CorrectionPatch {
  question?: string;
  answer?: string;
  tags?: string[];
  reason?: string | null;
}

/** Which audit events to list (internal callers may ask for more than the REST limit). */
export type AuditFilter = AuditQuery;

/** Append-only audit log. */
export interface AuditRepo {
  /** Details are typed by the action (AuditEntry in contracts). */
  append(event: AuditEntry): Promise<AuditEvent>;
  /** Newest first; `text` words must all appear, `from`/`to` bound the time (inclusive). */
  list(filter: AuditFilter): Promise<AuditEvent[]>;
}

/** Console users (a new one is active). */
export interface UserRepo {
  create(input: { email: string; name: string; role: Role; passwordHash: string }): Promise<Person>;
  findByEmail(email: string): Promise<{ user: Person; passwordHash: string } | null>;
  get(id: string): Promise<Person | null>;
  count(): Promise<number>;
  /** Every account, active and deactivated, oldest first. */
  list(): Promise<Person[]>;
  /** Changes the fields given; null when there is no such user. */
  update(id: string, patch: UserPatch): Promise<Person | null>;
  /** Replaces the password hash; false when there is no such user. */
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
}

/** What may change on an account. */
export interface UserPatch {
  name?: string;
  role?: Role;
  status?: UserStatus;
  availability?: Availability;
  capacity?: number;
}

/** Signed-in console sessions, looked up by a hash of the bearer token. */
export interface SessionRepo {
  create(input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  find(tokenHash: string): Promise<{ userId: string; expiresAt: string } | null>;
  delete(tokenHash: string): Promise<void>;
  /** Deletes every session of a user, but the one with `exceptTokenHash`; returns how many. */
  deleteForUser(userId: string, exceptTokenHash?: string): Promise<number>;
}

/** One-time links (invitations, password resets), looked up by a hash of their token. */
export interface AccessLinkRepo {
  create(link: AccessLink, tokenHash: string): Promise<AccessLink>;
  findByTokenHash(tokenHash: string): Promise<AccessLink | null>;
  get(id: string): Promise<AccessLink | null>;
  /** Links neither used nor revoked that expire after `now`, newest first. */
  listOpen(kind: AccessLink["kind"], now: string): Promise<AccessLink[]>;
  /**
   * Compare-and-set: marks the link used at `at` only while it is neither used nor revoked and has
   * not expired by then; null when it was not (so two people racing with one link cannot both win).
   */
  use(id: string, at: string): Promise<AccessLink | null>;
  /** Revokes an unused, unrevoked link; null when it was not open. */
  revoke(id: string, at: string): Promise<AccessLink | null>;
  /** Revokes every unused link of `kind` for this email (a new one supersedes them); returns how many. */
  revokeOpenFor(kind: AccessLink["kind"], email: string, at: string): Promise<number>;
}

/** Teams: who handles which categories, and when they answer. */
export interface TeamRepo {
  /** Every team, by name. */
  list(): Promise<Team[]>;
  get(id: string): Promise<Team | null>;
  /** Inserts a team; refused when another team has the same name (in any case). */
  create(team: Team): Promise<Team>;
  /** Replaces the fields given and sets updatedAt; null when there is no such team. */
  update(id: string, patch: TeamFields, updatedAt: string): Promise<Team | null>;
  /** Deletes a team; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** What may change on a team. */
export type TeamFields = Partial<Pick<Team, "name" | "categories" | "members" | "hours" | "offerSeconds">>;

/** Waiting handoffs offered to one person at a time (core's assignment), one offer per handoff. */
export interface OfferRepo {
  /**
   * Records the offer of a handoff unless one exists already (two instances reacting to the same
   * handoff make one offer); whether it was recorded.
   */
  add(offer: HandoffOffer): Promise<boolean>;
  get(reviewId: string): Promise<HandoffOffer | null>;
  /**
   * Compare-and-set: removes the offer of a handoff only while it is to `userId` (an answer, or its
   * time running out); the removed offer, or null when someone else got there first.
   */
  take(reviewId: string, userId: string): Promise<HandoffOffer | null>;
  /** Removes the offer of a handoff, whoever it was to. */
  delete(reviewId: string): Promise<void>;
  /** Offers whose time ran out at or before `now`, the oldest first. */
  listExpired(now: string, limit: number): Promise<HandoffOffer[]>;
  /** Every offer, or those waiting on one person, oldest first. */
  list(filter?: { userId?: string }): Promise<HandoffOffer[]>;
}

/** Help-center articles. */
export interface ArticleRepo {
  /** Inserts or replaces by id (the screening too: an article without one is stored as screened clean). */
  upsertMany(articles: Article[]): Promise<void>;
  /** Every article, quarantined ones included (each carries its screening). */
  list(): Promise<Article[]>;
  get(id: string): Promise<Article | null>;
  count(): Promise<number>;
  /** Sets (or, with null, clears) an article's screening; null when there is no such article. */
  setScreening(id: string, screening: KnowledgeScreening | null): Promise<Article | null>;
  /** Deletes an article; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** Small JSON values by key: settings, secrets, seed markers. */
export interface KeyValueRepo {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/**
 * Short exclusive ownership of a key (a conversation, the deadline sweep) shared by every server
 * instance on one store. A lease expires on its own, so an instance that dies frees what it held.
 */
export interface LeaseRepo {
  /** Takes the lease, or renews it for its owner; false while another owner holds an unexpired one. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once (only its owner can). */
  release(key: string, owner: string): Promise<void>;
  /**
   * Extends a lease `owner` still holds (expired or not, as long as nobody took it); false once it
   * passed to another owner or was released. Unlike acquire, never takes a key that is free again, so
   * a holder that stalled cannot slip back in after a takeover ended.
   */
  renew(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /**
   * Whether `owner` holds the key now: the fencing check a holder makes before a write. A holder names
   * each holding with a token of its own as `owner`, so one that stalled past its lease and was taken
   * over is refused here even if it renews nothing and takes the key back later.
   */
  holds(key: string, owner: string): Promise<boolean>;
}

/** Who a privacy request is about, besides a conversation id (which needs no lookup). */
export interface CustomerMatch {
  /** Compared case-insensitively. */
  email?: string;
  externalId?: string;
}

/** Privacy requests: finding what is stored about one customer, and erasing it. */
export interface CustomerDataRepo {
  /** Conversations whose customer has this email or external id, oldest first; none when `match` is empty. */
  findConversations(match: CustomerMatch): Promise<Conversation[]>;
  /** Corrections drawn from any of these conversations, oldest first. */
  listCorrections(conversationIds: readonly string[]): Promise<Correction[]>;
  /**
   * Deletes the conversations with their messages, reviews, the corrections drawn from them and the
   * checkpoints of their graph threads (a thread id that is the conversation id or starts with
   * `<conversationId>:`), and replaces the details of their audit events with `redact(event)`, so the
   * log keeps who did what and when but no longer quotes the customer. Returns what it changed.
   */
  erase(
    conversationIds: readonly string[],
    redact: (event: AuditEvent) => Record<string, unknown>,
  ): Promise<Omit<CustomerErasure, "citationsRemoved">>;
  /** Conversations (left after an erasure) with a record that may cite one of the scrubber's corrections. */
  findCiting(scrubber: CitationScrubber): Promise<string[]>;
  /**
   * Removes the scrubber's corrections from one conversation's records: review packets, message
   * sources, graph checkpoints and pending writes go through `scrubber.scrub`; corrections drawn from
   * a draft that cited one lose that tag and the copied draft. Returns the reviews it changed and how
   * many records in all.
   */
  scrubCitations(conversationId: string, scrubber: CitationScrubber): Promise<CitationScrub>;
  /**
   * Makes deleted bytes unrecoverable where a client can: SQLite (secure_delete zeroes freed space)
   * checkpoints its write-ahead log into the file and truncates it. MongoDB cannot from a client
   * (journal, oplog, backups: see the README), so there it does nothing.
   */
  purgeFreedBytes(): Promise<void>;
}

/** What a conversation search asks for; every criterion given must match. */
export interface ConversationFilter {
  /** The start of the conversation id (lower case), as the console shows it. */
  idPrefix?: string;
  /** The start of the customer's email, any case. */
  emailPrefix?: string;
  /** The start of the customer's name, any case. */
  namePrefix?: string;
  /** Words that must all appear (any case) in one message of the conversation. */
  text?: string;
  status?: ConversationStatus;
  assigneeId?: string;
  /** Bounds on when the conversation started (inclusive). */
  from?: string;
  to?: string;
  limit: number;
}

/** Finding conversations for the console's search. */
export interface ConversationSearchRepo {
  /** Conversations matching every criterion given, most recently updated first. */
  search(filter: ConversationFilter): Promise<Conversation[]>;
}

/** Saved replies (canned responses): the team's, and each agent's own. */
export interface SavedReplyRepo {
  /** Inserts; null when its shortcut is taken in its scope (the team's replies, or the owner's own). */
  create(reply: SavedReply): Promise<SavedReply | null>;
  get(id: string): Promise<SavedReply | null>;
  /** The team's replies and the personal ones of `ownerId`, by shortcut. */
  listFor(ownerId: string): Promise<SavedReply[]>;
  /** Changes the fields given; "taken" when the new shortcut is in use in its scope, null when there is no such reply. */
  update(id: string, patch: SavedReplyPatch): Promise<SavedReply | "taken" | null>;
  /** Deletes a reply; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** What may change on a saved reply (its scope and owner stay). */
export type SavedReplyPatch = Partial<Pick<SavedReply, "shortcut" | "title" | "text">> & {
  updatedAt: string;
};

/** Removes erased corrections from stored records an erasure keeps (core's ErasedCitations). */
export interface CitationScrubber {
  /** Ids of the erased corrections: stored text without any of them cites none. */
  readonly correctionIds: readonly string[];
  /** Their answers, to recognise a draft copied from one. */
  readonly answers: readonly string[];
  /** Nothing stored before this instant can cite them (they did not exist yet). */
  readonly since: Date;
  /** A stored JSON value without the citations, or undefined when it has none (leave it as it is). */
  scrub(value: unknown): unknown;
}

/** What scrubCitations changed in one conversation. */
export interface CitationScrub {
  reviewIds: string[];
  records: number;
}

/** Everything core persists, one adapter per database. */
export interface Store {
  conversations: ConversationRepo;
  messages: MessageRepo;
  reviews: ReviewRepo;
  corrections: CorrectionRepo;
  audit: AuditRepo;
  users: UserRepo;
  sessions: SessionRepo;
  accessLinks: AccessLinkRepo;
  teams: TeamRepo;
  offers: OfferRepo;
  articles: ArticleRepo;
  kv: KeyValueRepo;
  leases: LeaseRepo;
  customerData: CustomerDataRepo;
  savedReplies: SavedReplyRepo;
  apiKeys: ApiKeyRepo;
  webhooks: WebhookRepo;
  channels: ChannelRepo;
  search: ConversationSearchRepo;
  close(): Promise<void>;
}
