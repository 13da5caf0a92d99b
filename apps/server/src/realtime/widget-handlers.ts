import { WidgetRequests } from "@handoff/contracts";
import type { Platform } from "../app/create-platform";
import { trustFunction } from "../app/trust-proxy";
import { clientAddress } from "./client-address";
import { limitEvents, MessageRateLimit } from "./message-rate-limit";
import type { RedisClient } from "./redis-adapter";
import type { WidgetNamespace } from "./namespaces";
import { conversationRoom } from "./rooms";
import { validatedHandler } from "./validated-handler";

/** Customer events that count against the message budgets (what writes to the conversation). */
const LIMITED_EVENTS: ReadonlySet<string> = new Set(["message:send", "handoff:request", "contact:leave"]);

/** The customer's side: authenticated by a visitor token that grants exactly one conversation. */
export function registerWidgetNamespace(
  widget: WidgetNamespace,
  platform: Platform,
  redis?: RedisClient,
): void {
  const { auth, conversations, notifier, logger, customerFeedback, config } = platform;
  const messageLimit = new MessageRateLimit(
    { perSocket: config.SOCKET_MESSAGES_PER_MINUTE, perIp: config.IP_MESSAGES_PER_MINUTE },
    redis,
  );
  const trust = trustFunction(config.TRUST_PROXY);

  widget.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    const conversationId = auth.verifyVisitorToken(typeof token === "string" ? token : undefined);
    if (!conversationId) return next(new Error("unauthorized: a valid visitor token is required"));
    // A signed token outlives its conversation when a supervisor erases it: the widget starts afresh.
    platform.store.conversations.get(conversationId).then(
      (conversation) => {
        if (!conversation) return next(new Error("unauthorized: this conversation no longer exists"));
        socket.data.conversationId = conversationId;
        socket.data.waitingForPerson = conversation.status === "waiting_human";
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error("could not open the conversation")),
    );
  });

  widget.on("connection", (socket) => {
    const conversationId = socket.data.conversationId;
    void socket.join(conversationRoom(conversationId));
    socket.use(
      limitEvents(
        messageLimit,
        { socketId: socket.id, ip: clientAddress(socket.request, trust, socket.handshake.address) },
        LIMITED_EVENTS,
        (err) => logger.error({ err }, "message rate limit failed"),
      ),
    );

    socket.on(
      "message:send",
      validatedHandler(logger, WidgetRequests["message:send"], async (input) => {
        const { message, duplicate, processed } = await conversations.receiveCustomerMessage(
          conversationId,
          input,
        );
        processed.catch((err: unknown) =>
          logger.error({ err, conversationId }, "the bot failed to process a message"),
        );
        return { message, duplicate };
      }),
    );
    socket.on(
      "messages:sync",
      validatedHandler(logger, WidgetRequests["messages:sync"], ({ since }) =>
        conversations.snapshot(conversationId, since, { includeInternal: false }),
      ),
    );
    socket.on(
      "typing:set",
      validatedHandler(logger, WidgetRequests["typing:set"], async ({ typing }) => {
        // A question is coming: a graph worker stopped for idleness starts now, not when it is sent.
        if (typing) platform.graphWorker?.wake();
        notifier.publish({
          type: "typing",
          data: { conversationId, author: "customer", name: null, typing },
        });
        return null;
      }),
    );
    socket.on(
      "feedback:rate",
      validatedHandler(logger, WidgetRequests["feedback:rate"], ({ messageId, rating }) =>
        customerFeedback.rateMessage(conversationId, messageId, rating),
      ),
    );
    socket.on(
      "conversation:rate",
      validatedHandler(logger, WidgetRequests["conversation:rate"], ({ score, comment }) =>
        customerFeedback.rateConversation(conversationId, score, comment),
      ),
    );
    socket.on(
      "contact:leave",
      validatedHandler(logger, WidgetRequests["contact:leave"], ({ email, note }) =>
        customerFeedback.leaveContact(conversationId, email, note),
      ),
    );
    socket.on(
      "handoff:request",
      validatedHandler(logger, WidgetRequests["handoff:request"], async ({ reason }) => ({
        conversation: await conversations.requestHuman(conversationId, reason),
      })),
    );
  });
}
