import { z } from "zod";
import { HandoffOffer, Review } from "@handoff/contracts";
import { unwrap } from "./ack";
import type { ConsoleSocket } from "./console-socket";

const TIMEOUT_MS = 15_000;

/** The handoffs offered to me now (after a reload or reconnect). */
export const listOffers = async (socket: ConsoleSocket) =>
  unwrap(
    z.object({ offers: z.array(HandoffOffer) }),
    await socket.timeout(TIMEOUT_MS).emitWithAck("offers:list", {}),
  ).offers;

/** Takes a handoff offered to me; refused once the offer ended. */
export const acceptOffer = async (socket: ConsoleSocket, reviewId: string) =>
  unwrap(
    z.object({ review: Review }),
    await socket.timeout(TIMEOUT_MS).emitWithAck("handoff:accept", { reviewId }),
  ).review;

/** Passes on a handoff offered to me: the next person gets it. */
export const declineOffer = async (socket: ConsoleSocket, reviewId: string) =>
  unwrap(z.null(), await socket.timeout(TIMEOUT_MS).emitWithAck("handoff:decline", { reviewId }));
