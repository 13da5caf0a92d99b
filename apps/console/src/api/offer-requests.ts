import { request } from "./console-request";
import type { ConsoleSocket } from "./console-socket";

/** The handoffs offered to me now (after a reload or reconnect). */
export const listOffers = async (socket: ConsoleSocket) => (await request(socket, "offers:list", {})).offers;

/** Takes a handoff offered to me; refused once the offer ended. */
export const acceptOffer = async (socket: ConsoleSocket, reviewId: string) =>
  (await request(socket, "handoff:accept", { reviewId })).review;

/** Passes on a handoff offered to me: the next person gets it. */
export const declineOffer = (socket: ConsoleSocket, reviewId: string) =>
  request(socket, "handoff:decline", { reviewId });
