import { hostname } from "node:os";
import {
  ConversationService,
  ExclusiveRunner,
  CustomerFeedback,
  FeedbackService,
  MetricsService,
  KnowledgeService,
  SettingsService,
  systemClock,
  type Clock,
  type DraftModel,
  type BaseCheckpointSaver,
  type Store,
} from "@handoff/core";
import { openMongoStore, openSqliteStore } from "@handoff/store";

import { AuthService } from "../auth/auth-service";
import { databaseFile, type Config } from "./config";
import { createModel } from "./create-model";
import { FanoutNotifier } from "./fanout-notifier";
import { createLogger, type Logger } from "./logger";

/** Everything the HTTP and socket layers use, wired once. */
export interface Platform {
  config: Config;
  logger: Logger;
  store: Store;
  /** The graph's checkpoints (same database as the store). */
  checkpointer: BaseCheckpointSaver;
  model: DraftModel;
  notifier: FanoutNotifier;
  knowledge: KnowledgeService;
  settings: SettingsService;
  auth: AuthService;
  conversations: ConversationService;
  feedback: FeedbackService;
  metrics: MetricsService;
  customerFeedback: CustomerFeedback;
  /** This instance's id; with REDIS_URL set, other instances share the store and the sockets. */
  instanceId: string;
  multiInstance: boolean;
  close(): Promise<void>;
}

/** Optional replacements for tests and the eval command. */
export interface PlatformOverrides {
  model?: DraftModel;
  clock?: Clock;
  storage?: { store: Store; checkpointer: BaseCheckpointSaver };
}

/** Opens the store, loads the knowledge index and builds the services. */
export async function createPlatform(config: Config, overrides: PlatformOverrides = {}): Promise<Platform> {
  const logger = createLogger(config.LOG_LEVEL);
  const { store, checkpointer } = overrides.storage ?? (await openStorage(config));
  const clock = overrides.clock ?? systemClock;
  const model = overrides.model ?? createModel(config);
  const notifier = new FanoutNotifier();
  const knowledge = new KnowledgeService(store);
  await knowledge.load();
  const settings = new SettingsService(store);
  const auth = await AuthService.create(store, { sessionTtlHours: config.SESSION_TTL_HOURS, clock });
  const instanceId = config.INSTANCE_ID ?? `${hostname()}:${process.pid}`;
  const multiInstance = config.REDIS_URL !== undefined;
  const conversations = new ConversationService({
    exclusive: multiInstance
      ? new ExclusiveRunner({ leases: store.leases, owner: instanceId, ttlMs: config.LEASE_TTL_MS })
      : undefined,
    store,
    checkpointer,
    model,
    knowledge: knowledge.index,
    notifier,
    clock,
    settings: () => settings.get(),
    modelTimeoutMs: config.MODEL_TIMEOUT_MS,
    botName: config.BOT_NAME,
  });
  const feedback = new FeedbackService(store, knowledge);
  return {
    config,
    logger,
    store,
    checkpointer,
    model,
    notifier,
    knowledge,
    settings,
    auth,
    conversations,
    feedback,
    metrics: new MetricsService(store),
    customerFeedback: new CustomerFeedback({ store, notifier }),
    instanceId,
    multiInstance,
    async close() {
      await conversations.idle();
      await store.close();
    },
  };
}

/** MongoDB when MONGODB_URI is set (production), the embedded SQLite file otherwise. */
function openStorage(config: Config) {
  return config.MONGODB_URI
    ? openMongoStore({ uri: config.MONGODB_URI })
    : openSqliteStore({ file: databaseFile(config), synchronous: config.SQLITE_SYNCHRONOUS });
}
