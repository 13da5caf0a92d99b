import { hostname } from "node:os";
import {
  ConversationService,
  ExclusiveRunner,
  CustomerDataService,
  CustomerFeedback,
  FeedbackService,
  HandoffHolders,
  MetricsService,
  KnowledgeService,
  PeopleService,
  TeamsService,
  AfterHours,
  AssignmentService,
  SettingsService,
  systemClock,
  warmUpGraphSteps,
  type Clock,
  type DraftModel,
  type BaseCheckpointSaver,
  type Store,
} from "@handoff/core";
import { createWriteGateBuffer } from "@handoff/store";

import { AuthService } from "../auth/auth-service";
import { smtpMailer } from "../auth/mailer";
import { argon2Hasher } from "../auth/passwords";
import { ConsolePorts } from "../assignment/console-ports";
import { GraphWorkerPool } from "../graph-worker/graph-worker-pool";
import { graphWorkerCount, useGraphWorker, workerConfig } from "../graph-worker/worker-config";
import type { Config } from "./config";
import { createModel } from "./create-model";
import { graphDeps } from "./graph-deps";
import { FanoutNotifier } from "./fanout-notifier";
import { createLogger, type Logger } from "./logger";
import { openStorage } from "./open-storage";

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
  /** Accounts: invitations, roles, deactivation, passwords. */
  people: PeopleService;
  /** Teams: the categories they handle, members, business hours. */
  teams: TeamsService;
  /** What a team's hours mean for a pause that just opened. */
  afterHours: AfterHours;
  /** Offers new handoffs to the least-loaded available member of their team; who holds what. */
  assignment: AssignmentService;
  /** Who has the console open, and telling one person about an offer (the sockets attach later). */
  consolePorts: ConsolePorts;
  conversations: ConversationService;
  feedback: FeedbackService;
  metrics: MetricsService;
  customerFeedback: CustomerFeedback;
  /** Privacy requests: export or erase everything about one customer. */
  privacy: CustomerDataService;
  /** This instance's id; with REDIS_URL set, other instances share the store and the sockets. */
  instanceId: string;
  multiInstance: boolean;
  /** The worker threads the graph runs in (GRAPH_WORKER, GRAPH_WORKERS), or null when it runs in this thread. */
  graphWorker: GraphWorkerPool | null;
  /** Drops cached settings or reloads the knowledge index after another instance changed them. */
  refreshCaches(change: "settings" | "knowledge"): Promise<void>;
  close(): Promise<void>;
}

/** Optional replacements for tests and the eval command. */
export interface PlatformOverrides {
  model?: DraftModel;
  clock?: Clock;
  storage?: { store: Store; checkpointer: BaseCheckpointSaver };
  /** Where the platform logs (a test reads what recovery reported). */
  logger?: Logger;
}

/** Opens the store, loads the knowledge index and builds the services. */
export async function createPlatform(config: Config, overrides: PlatformOverrides = {}): Promise<Platform> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  // One SQLite write gate for this thread's store and every graph worker's (see createWriteGateBuffer).
  const writeGate = createWriteGateBuffer();
  const { store, checkpointer } = overrides.storage ?? (await openStorage(config, writeGate));
  const clock = overrides.clock ?? systemClock;
  const model = overrides.model ?? createModel(config);
  const notifier = new FanoutNotifier();
  const injected = Object.values(overrides).some((value) => value !== undefined);
  const graphInWorker = useGraphWorker(config, injected);
  // With the graph in a worker, this thread's index is kept in step (the REST search and the feedback
  // service read it) but no run here searches it: its articles are built only if one does (~6 MB of
  // heap otherwise).
  const knowledge = new KnowledgeService(store, { searchedElsewhere: graphInWorker });
  await knowledge.load();
  const settings = new SettingsService(store);
  const auth = await AuthService.create(store, { sessionTtlHours: config.SESSION_TTL_HOURS, clock });
  const instanceId = config.INSTANCE_ID ?? `${hostname()}:${process.pid}`;
  const multiInstance = config.REDIS_URL !== undefined;
  const runner = graphInWorker
    ? await GraphWorkerPool.start({
        size: graphWorkerCount(config),
        idleMs: config.GRAPH_WORKER_IDLE_SECONDS * 1000,
        // A person's decision on a waiting draft, or the end of a live chat, resumes a run: the customer
        // should not wait for a worker to start then.
        workExpected: async () => (await store.reviews.listByStatus(["pending", "claimed"], 1)).length > 0,
        config: workerConfig(config, writeGate),
        notifier,
        logger,
        onRestart: () =>
          void conversations
            .recover()
            .catch((err: unknown) => logger.error({ err }, "recovery after a graph worker restart failed")),
      })
    : undefined;
  // The message-reading libraries load only in the thread that runs the graph.
  if (!runner) void warmUpGraphSteps();
  // The worker keeps caches of its own: tell it whenever this thread's copy changes.
  settings.onChange(() => runner?.refresh("settings"));
  knowledge.onChange(() => runner?.refresh("knowledge"));
  const conversations = new ConversationService({
    ...graphDeps({ config, store, model, knowledge, settings, notifier, clock }),
    runner,
    exclusive: multiInstance
      ? new ExclusiveRunner({ leases: store.leases, owner: instanceId, ttlMs: config.LEASE_TTL_MS })
      : undefined,
    checkpointer,
    logger,
  });
  const feedback = new FeedbackService(store, knowledge, notifier);
  const teams = new TeamsService({ store, clock });
  const holders = new HandoffHolders({
    store,
    notifier,
    clock,
    exclusive: (conversationId, task) => conversations.exclusive(conversationId, task),
  });
  const consolePorts = new ConsolePorts();
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
    people: new PeopleService({
      store,
      clock,
      passwords: argon2Hasher,
      mailer: smtpMailer(config, logger),
      sessions: auth,
      handoffs: holders,
    }),
    teams,
    afterHours: new AfterHours({
      store,
      notifier,
      clock,
      teams,
      applyDueDeadlines: () => conversations.applyDueDeadlines(),
    }),
    assignment: new AssignmentService({
      store,
      clock,
      teams,
      presence: consolePorts,
      notify: consolePorts,
      holders,
      claim: (reviewId, user) => conversations.claimHandoff(reviewId, user),
    }),
    consolePorts,
    conversations,
    feedback,
    metrics: new MetricsService(store),
    customerFeedback: new CustomerFeedback({ store, notifier }),
    privacy: new CustomerDataService(store, knowledge, notifier, (id, task) =>
      conversations.exclusive(id, task),
    ),
    instanceId,
    multiInstance,
    graphWorker: runner ?? null,
    async refreshCaches(change) {
      if (change === "settings") settings.invalidate();
      else await knowledge.load();
      runner?.refresh(change);
    },
    async close() {
      await conversations.idle();
      await runner?.close();
      await store.close();
    },
  };
}
