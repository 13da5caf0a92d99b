import { MongoClient } from "mongodb";
import { createConnection } from "mongoose";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Clock, Store } from "@handoff/core";
import { accessLinkModel } from "./access-link-model";
import { mongoAccessLinkRepo } from "./access-link-repo";
import { articleModel } from "./article-model";
import { mongoArticleRepo } from "./article-repo";
import { auditModel } from "./audit-model";
import { backfillAuditSearchText, mongoAuditRepo } from "./audit-repo";
import { BoundedMongoDBSaver } from "./bounded-mongodb-saver";
import { conversationModel } from "./conversation-model";
import { mongoConversationRepo } from "./conversation-repo";
import { correctionModel } from "./correction-model";
import { mongoCorrectionRepo } from "./correction-repo";
import { mongoCustomerDataRepo } from "./customer-data-repo";
import { kvModel } from "./kv-model";
import { mongoKeyValueRepo } from "./kv-repo";
import { leaseModel } from "./lease-model";
import { mongoLeaseRepo } from "./lease-repo";
import { messageModel } from "./message-model";
import { mongoMessageRepo } from "./message-repo";
import { offerModel } from "./offer-model";
import { mongoOfferRepo } from "./offer-repo";
import { reviewModel } from "./review-model";
import { mongoReviewRepo } from "./review-repo";
import { savedReplyModel } from "./saved-reply-model";
import { apiKeyModel } from "./api-key-model";
import { mongoApiKeyRepo } from "./api-key-repo";
import { webhookDeliveryModel, webhookEndpointModel } from "./webhook-model";
import { mongoWebhookRepo } from "./webhook-repo";
import { channelModels } from "./channel-model";
import { mongoChannelRepo } from "./channel-repo";
import { mongoConversationSearchRepo } from "./conversation-search-repo";
import { mongoSavedReplyRepo } from "./saved-reply-repo";
import { sessionModel } from "./session-model";
import { mongoSessionRepo } from "./session-repo";
import { teamModel } from "./team-model";
import { mongoTeamRepo } from "./team-repo";
import { userModel } from "./user-model";
import { mongoUserRepo } from "./user-repo";

/** Where the MongoDB database lives, and the time source for store-assigned timestamps. */
export interface MongoStoreOptions {
  /** A MongoDB connection string (MONGODB_URI). */
  uri: string;
  /** Database for app data and checkpoints; defaults to the one named in the URI, else "test". */
  dbName?: string;
  /** Defaults to the wall clock; tests inject one to control createdAt/updatedAt. */
  clock?: Clock;
  /** Checkpoints kept per conversation thread (default 10); older ones are deleted as new ones arrive. */
  checkpointsPerThread?: number;
}

/** App data and LangGraph checkpoints, both in one MongoDB database. */
export interface MongoStore {
  store: Store;
  checkpointer: BaseCheckpointSaver;
}

// A local wall clock: importing core's systemClock would load all of core (graph, models) at runtime.
const wallClock: Clock = { now: () => new Date() };

const DEFAULT_CHECKPOINTS_PER_THREAD = 10;
const AUDIT_SEARCH_MARKER = "migration:audit-search-text";

/** Opens the MongoDB store (creating collections and indexes as needed) and its checkpointer. */
export async function openMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  // A connection of our own, not mongoose's global one: two stores (or tests) never share state.
  // sanitizeFilter wraps any $-object that reaches a filter in $eq, so request data cannot become a
  // query operator; the repos mark their own operators with mongoose.trusted().
  // autoIndex is off so indexes are built once, below, before the store is handed out.
  const connection = createConnection(options.uri, {
    dbName: options.dbName,
    sanitizeFilter: true,
    autoIndex: false,
    autoCreate: true,
  });
  // The checkpointer brings its own driver major (mongodb 6, mongoose uses 7), so it gets its own client.
  const client = new MongoClient(options.uri);
  const close = async () => {
    await Promise.allSettled([connection.close(), client.close()]);
  };

  try {
    await connection.asPromise();
    const models = {
      savedReplies: savedReplyModel(connection),
      apiKeys: apiKeyModel(connection),
      webhookEndpoints: webhookEndpointModel(connection),
      webhookDeliveries: webhookDeliveryModel(connection),
      ...channelModels(connection),
      conversations: conversationModel(connection),
      messages: messageModel(connection),
      reviews: reviewModel(connection),
      corrections: correctionModel(connection),
      audit: auditModel(connection),
      users: userModel(connection),
      sessions: sessionModel(connection),
      accessLinks: accessLinkModel(connection),
      teams: teamModel(connection),
      offers: offerModel(connection),
      articles: articleModel(connection),
      kv: kvModel(connection),
      leases: leaseModel(connection),
    };
    // syncIndexes creates the collection and the schema's indexes, and drops indexes the schema no
    // longer declares, so an upgrade does not leave a stale unique index refusing writes.
    for (const model of Object.values(models)) await model.syncIndexes();
    // Audit events written before word search get their search text once; the marker saves the scan later.
    if ((await models.kv.findById(AUDIT_SEARCH_MARKER).lean()) === null) {
      await backfillAuditSearchText(models.audit);
      await models.kv.replaceOne(
        { _id: AUDIT_SEARCH_MARKER },
        { _id: AUDIT_SEARCH_MARKER, value: true },
        { upsert: true },
      );
    }

    await client.connect();
    const checkpointer = new BoundedMongoDBSaver(
      { client, dbName: connection.name },
      options.checkpointsPerThread ?? DEFAULT_CHECKPOINTS_PER_THREAD,
    );
    const failures = await checkpointer.setup();
    if (failures.length > 0) throw new AggregateError(failures, "cannot create the checkpoint indexes");

    const clock = options.clock ?? wallClock;
    const store: Store = {
      conversations: mongoConversationRepo(models.conversations, clock),
      messages: mongoMessageRepo(models.messages, models.conversations, clock),
      reviews: mongoReviewRepo(models.reviews, clock),
      corrections: mongoCorrectionRepo(models.corrections, clock),
      audit: mongoAuditRepo(models.audit, clock),
      users: mongoUserRepo(models.users, clock),
      sessions: mongoSessionRepo(models.sessions),
      accessLinks: mongoAccessLinkRepo(models.accessLinks),
      teams: mongoTeamRepo(models.teams),
      offers: mongoOfferRepo(models.offers),
      articles: mongoArticleRepo(models.articles),
      kv: mongoKeyValueRepo(models.kv),
      leases: mongoLeaseRepo(models.leases, clock),
      customerData: mongoCustomerDataRepo({
        ...models,
        deleteCheckpoints: (ids) => checkpointer.deleteConversationThreads(ids),
        checkpoints: checkpointer,
      }),
      savedReplies: mongoSavedReplyRepo(models.savedReplies),
      apiKeys: mongoApiKeyRepo(models.apiKeys),
      webhooks: mongoWebhookRepo(models.webhookEndpoints, models.webhookDeliveries),
      channels: mongoChannelRepo(models),
      search: mongoConversationSearchRepo(models),
      close,
    };
    return { store, checkpointer };
  } catch (error) {
    await close();
    throw error;
  }
}
