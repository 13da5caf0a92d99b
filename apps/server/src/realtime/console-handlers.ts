import { ConsoleRequests } from "@handoff/contracts";
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
      validatedHandler(logger, ConsoleRequests["inbox:list"], (input) => conversations.inbox(input)),
    );
    socket.on(
      "review:decide",
      validatedHandler(logger, ConsoleRequests["review:decide"], async ({ reviewId, decision }) => ({
        review: await conversations.decideReview(reviewId, decision, user()),
      })),
    );
    socket.on(
      "handoff:claim",
      validatedHandler(logger, ConsoleRequests["handoff:claim"], async ({ reviewId }) => ({
        review: await conversations.claimHandoff(reviewId, user()),
      })),
    );
    socket.on(
      "handoff:accept",
      validatedHandler(logger, ConsoleRequests["handoff:accept"], async ({ reviewId }) => ({
        review: await platform.assignment.accept(reviewId, user()),
      })),
    );
    socket.on(
      "handoff:decline",
      validatedHandler(logger, ConsoleRequests["handoff:decline"], async ({ reviewId }) => {
        await platform.assignment.decline(reviewId, user());
        return null;
      }),
    );
    socket.on(
      "offers:list",
      validatedHandler(logger, ConsoleRequests["offers:list"], async () => ({
        offers: await platform.assignment.offersFor(user().id),
      })),
    );
    socket.on(
      "handoff:release",
      validatedHandler(logger, ConsoleRequests["handoff:release"], async ({ conversationId, outcome }) => ({
        conversation: await conversations.releaseHandoff(conversationId, outcome, user()),
      })),
    );
    socket.on(
      "message:send",
      validatedHandler(logger, ConsoleRequests["message:send"], ({ conversationId, ...input }) =>
        conversations.sendAgentMessage(conversationId, user(), input),
      ),
    );
    socket.on(
      "conversation:open",
      validatedHandler(logger, ConsoleRequests["conversation:open"], async ({ conversationId, since }) => {
        const snapshot = await conversations.snapshot(conversationId, since, { includeInternal: true });
        await socket.join(conversationRoom(conversationId));
        return { ...snapshot, reviews: await store.reviews.listByConversation(conversationId) };
      }),
    );
    socket.on(
      "conversation:close",
      validatedHandler(logger, ConsoleRequests["conversation:close"], async ({ conversationId }) => {
        await socket.leave(conversationRoom(conversationId));
        return null;
      }),
    );
    socket.on(
      "typing:set",
      validatedHandler(logger, ConsoleRequests["typing:set"], async ({ conversationId, typing }) => {
        notifier.publish({
          type: "typing",
          data: { conversationId, author: "agent", name: user().name, typing },
        });
        return null;
      }),
    );
  });
}
