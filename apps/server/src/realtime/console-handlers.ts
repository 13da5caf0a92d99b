import {
  AgentMessageSend,
  AgentTypingSet,
  ConversationClose,
  ConversationOpen,
  HandoffClaim,
  HandoffRelease,
  InboxList,
  OfferAnswer,
  OffersList,
  ReviewDecide,
} from "@handoff/contracts";
import type { Platform } from "../app/create-platform";
import type { ConsoleNamespace } from "./namespaces";
import { bindConsoleSessions } from "./console-sessions";
import { QUEUE_ROOM, conversationRoom } from "./rooms";
import { validatedHandler } from "./validated-handler";

/** The agents' side: signed-in users get the queue in real time and act on it. */
export function registerConsoleNamespace(consoleNs: ConsoleNamespace, platform: Platform): void {
  const { auth, conversations, notifier, logger, store } = platform;

  bindConsoleSessions(consoleNs, auth, logger);

  consoleNs.on("connection", (socket) => {
    // Read per event: the session check before each event refreshes it (a role may have changed).
    const user = () => socket.data.user;
    void socket.join(QUEUE_ROOM);

    socket.on(
      "inbox:list",
      validatedHandler(logger, InboxList, (input) => conversations.inbox(input)),
    );
    socket.on(
      "review:decide",
      validatedHandler(logger, ReviewDecide, async ({ reviewId, decision }) => ({
        review: await conversations.decideReview(reviewId, decision, user()),
      })),
    );
    socket.on(
      "handoff:claim",
      validatedHandler(logger, HandoffClaim, async ({ reviewId }) => ({
        review: await conversations.claimHandoff(reviewId, user()),
      })),
    );
    socket.on(
      "handoff:accept",
      validatedHandler(logger, OfferAnswer, async ({ reviewId }) => ({
        review: await platform.assignment.accept(reviewId, user()),
      })),
    );
    socket.on(
      "handoff:decline",
      validatedHandler(logger, OfferAnswer, async ({ reviewId }) => {
        await platform.assignment.decline(reviewId, user());
        return null;
      }),
    );
    socket.on(
      "offers:list",
      validatedHandler(logger, OffersList, async () => ({
        offers: await platform.assignment.offersFor(user().id),
      })),
    );
    socket.on(
      "handoff:release",
      validatedHandler(logger, HandoffRelease, async ({ conversationId, outcome }) => ({
        conversation: await conversations.releaseHandoff(conversationId, outcome, user()),
      })),
    );
    socket.on(
      "message:send",
      validatedHandler(logger, AgentMessageSend, ({ conversationId, ...input }) =>
        conversations.sendAgentMessage(conversationId, user(), input),
      ),
    );
    socket.on(
      "conversation:open",
      validatedHandler(logger, ConversationOpen, async ({ conversationId, since }) => {
        const snapshot = await conversations.snapshot(conversationId, since, { includeInternal: true });
        await socket.join(conversationRoom(conversationId));
        return { ...snapshot, reviews: await store.reviews.listByConversation(conversationId) };
      }),
    );
    socket.on(
      "conversation:close",
      validatedHandler(logger, ConversationClose, async ({ conversationId }) => {
        await socket.leave(conversationRoom(conversationId));
        return null;
      }),
    );
    socket.on(
      "typing:set",
      validatedHandler(logger, AgentTypingSet, async ({ conversationId, typing }) => {
        notifier.typing({ conversationId, author: "agent", name: user().name, typing });
        return null;
      }),
    );
  });
}
