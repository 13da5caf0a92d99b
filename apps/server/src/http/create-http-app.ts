import express from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { ApiKeyService, systemClock } from "@handoff/core";
import { mountAgentMessageRoute } from "../api-keys/agent-message-route";
import { mountApprovers } from "../approvers/mount-approvers";
import { apiKeyGate } from "../api-keys/api-key-gate";
import { mountApiKeyRoutes } from "../api-keys/api-key-routes";
import type { Platform } from "../app/create-platform";
import { mountWebhookRoutes } from "../webhooks/webhook-routes";
import { mountChannelRoutes } from "../channels/channel-routes";
import { channelsFor } from "../channels/channel-runtime";
import { mountOpenApiRoutes } from "../openapi/openapi-routes";
import { webhooksFor } from "../webhooks/webhook-runtime";
import { trustFunction } from "../app/trust-proxy";
import { requireUser } from "./auth-middleware";
import { errorHandler } from "./error-handler";
import { refuseOperators } from "./refuse-operators";
import { exportAudit } from "./routes/audit-export";
import { listAudit } from "./routes/audit-routes";
import {
  approveCorrection,
  bulkCorrections,
  listCorrections,
  mergeCorrections,
  rejectCorrection,
  retireCorrection,
} from "./routes/correction-routes";
import { login, logout, me } from "./routes/auth-routes";
import { getConversation } from "./routes/conversation-routes";
import { health } from "./routes/health";
import { applyRecommendation, getMetrics, getRecommendations } from "./routes/metrics-routes";
import { mountPeopleRoutes } from "./routes/people-router";
import { applyRefit, previewRefit } from "./routes/confidence-refit-routes";
import { importArticles, listArticles } from "./routes/kb-routes";
import { deleteArticle, listQuarantine, releaseArticle, releaseCorrection } from "./routes/quarantine-routes";
import { eraseCustomer, exportCustomer } from "./routes/privacy-routes";
import { getSettings, updateSettings } from "./routes/settings-routes";
import { mountSavedReplyRoutes } from "./routes/saved-reply-routes";
import { mountSearchRoutes } from "./routes/search-routes";
import { visitorSession } from "./routes/visitor-session";
import { serveUiApps } from "./static-apps";
import { visitorRateLimit } from "./visitor-rate-limit";
import type { RedisClient } from "../realtime/redis-adapter";

/**
 * The REST API: a thin router over the platform's services, one handler per route. With Redis the
 * per-address budgets are shared by every instance.
 */
export function createHttpApp(platform: Platform, redis?: RedisClient): express.Express {
  const app = express();
  const agents = requireUser(platform.auth);
  const supervisors = requireUser(platform.auth, ["supervisor"]);
  // Guessing passwords is what this stops: only failed sign-ins count, so a team that signs in often
  // from one office address is never locked out by its own successes.
  const signInLimit = rateLimit({
    windowMs: 15 * 60_000,
    limit: 20,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    message: {
      error: { code: "rate_limited", message: "too many sign-in attempts; try again in a few minutes" },
    },
  });

  app.disable("x-powered-by");
  // req.ip (the sign-in limit, the visitor budget) is the client's, read through the trusted proxies only.
  app.set("trust proxy", trustFunction(platform.config.TRUST_PROXY));
  // The widget's pages set their own framing policy (see static-apps); everything else gets helmet's defaults.
  const defaultHeaders = helmet();
  app.use((req, res, next) => (req.path.startsWith("/widget/") ? next() : defaultHeaders(req, res, next)));
  app.get("/healthz", health(platform));
  app.use("/api/kb/import", express.json({ limit: "20mb" }));
  app.use(express.json({ limit: "100kb" }));
  app.use("/api", refuseOperators);
  const apiKeys = new ApiKeyService({ store: platform.store, clock: systemClock });
  app.use(apiKeyGate(apiKeys));

  app.post("/api/auth/login", signInLimit, login(platform));
  app.post("/api/auth/logout", logout(platform));
  app.get("/api/auth/me", agents, me());
  mountPeopleRoutes(app, platform, { agents, supervisors, signInLimit });
  app.post(
    "/api/visitor",
    visitorRateLimit(platform.config.VISITOR_SESSIONS_PER_MINUTE, platform.logger, redis),
    visitorSession(platform),
  );
  app.get("/api/conversations/:id", agents, getConversation(platform));
  mountAgentMessageRoute(app, platform, agents);
  mountApiKeyRoutes(app, apiKeys, supervisors);
  mountWebhookRoutes(app, webhooksFor(platform).service, supervisors);
  mountChannelRoutes(app, channelsFor(platform), { agents, supervisors });
  mountApprovers(app, platform, { agents, supervisors });
  mountOpenApiRoutes(app);
  app.get("/api/kb/articles", agents, listArticles(platform));
  app.post("/api/kb/import", supervisors, importArticles(platform));
  app.get("/api/kb/quarantine", supervisors, listQuarantine(platform));
  app.post("/api/kb/articles/:id/release", supervisors, releaseArticle(platform));
  app.delete("/api/kb/articles/:id", supervisors, deleteArticle(platform));
  app.post("/api/corrections/:id/release", supervisors, releaseCorrection(platform));
  app.get("/api/audit", supervisors, listAudit(platform));
  app.get("/api/audit/export", supervisors, exportAudit(platform));
  app.get("/api/corrections", supervisors, listCorrections(platform));
  app.post("/api/corrections/merge", supervisors, mergeCorrections(platform));
  app.post("/api/corrections/bulk", supervisors, bulkCorrections(platform));
  app.post("/api/corrections/:id/approve", supervisors, approveCorrection(platform));
  app.post("/api/corrections/:id/reject", supervisors, rejectCorrection(platform));
  app.post("/api/corrections/:id/retire", supervisors, retireCorrection(platform));
  app.get("/api/metrics", supervisors, getMetrics(platform));
  app.get("/api/metrics/recommendations", supervisors, getRecommendations(platform));
  app.post("/api/metrics/recommendations/apply", supervisors, applyRecommendation(platform));
  app.post("/api/confidence/refit/preview", supervisors, previewRefit(platform));
  app.post("/api/confidence/refit/apply", supervisors, applyRefit(platform));
  app.get("/api/privacy/export", supervisors, exportCustomer(platform));
  app.post("/api/privacy/erase", supervisors, eraseCustomer(platform));
  mountSavedReplyRoutes(app, platform, agents);
  mountSearchRoutes(app, platform, agents);
  app.get("/api/settings", agents, getSettings(platform));
  app.put("/api/settings", supervisors, updateSettings(platform));
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "no such endpoint" } });
  });
  serveUiApps(app, platform.config.ALLOWED_ORIGINS);
  app.use(errorHandler(platform.logger));
  return app;
}
