import type { HandoffOffer } from "@handoff/contracts";
import type { OfferNotifier, Presence } from "@handoff/core";
import type { ConsoleNamespace } from "../realtime/namespaces";
import { QUEUE_ROOM, userRoom } from "../realtime/rooms";

/**
 * Assignment's view of the consoles: who has one open, and telling one person about an offer. The
 * services are built before the Socket.IO server, so the console namespace attaches itself later;
 * until then nobody is online (and nothing is offered).
 */
export class ConsolePorts implements Presence, OfferNotifier {
  private consoleNs: ConsoleNamespace | null = null;

  attach(consoleNs: ConsoleNamespace): void {
    this.consoleNs = consoleNs;
  }

  async online(userIds: readonly string[]): Promise<Set<string>> {
    if (!this.consoleNs || userIds.length === 0) return new Set();
    // Every instance answers through the adapter: one round trip for all of them.
    const sockets = await this.consoleNs.in(QUEUE_ROOM).fetchSockets();
    const wanted = new Set(userIds);
    return new Set(sockets.map((s) => s.data.user.id).filter((id) => wanted.has(id)));
  }

  offered(offer: HandoffOffer): void {
    this.consoleNs?.to(userRoom(offer.userId)).emit("handoff:offered", offer);
  }

  withdrawn(userId: string, reviewId: string): void {
    this.consoleNs?.to(userRoom(userId)).emit("handoff:offer_withdrawn", { reviewId });
  }
}
