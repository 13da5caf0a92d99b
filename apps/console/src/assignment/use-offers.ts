import { useEffect, useState } from "react";
import { ConsolePushes, type HandoffOffer } from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { listOffers } from "../api/offer-requests";

/**
 * The handoffs offered to me: read when the socket connects (again after a reconnect), then kept up by
 * the server's pushes. Pushed payloads are checked like acks; one that does not parse is ignored.
 */
export function useOffers(socket: ConsoleSocket | null) {
  const [offers, setOffers] = useState<HandoffOffer[]>([]);
  useEffect(() => {
    if (!socket) return;
    const load = () => {
      listOffers(socket).then(setOffers, () => undefined);
    };
    const offered = (raw: unknown) => {
      const offer = ConsolePushes["handoff:offered"].safeParse(raw);
      if (offer.success)
        setOffers((all) => [...all.filter((o) => o.reviewId !== offer.data.reviewId), offer.data]);
    };
    const withdrawn = (raw: unknown) => {
      const ended = ConsolePushes["handoff:offer_withdrawn"].safeParse(raw);
      if (ended.success) setOffers((all) => all.filter((o) => o.reviewId !== ended.data.reviewId));
    };
    if (socket.connected) load();
    socket.on("connect", load);
    socket.on("handoff:offered", offered);
    socket.on("handoff:offer_withdrawn", withdrawn);
    return () => {
      socket.off("connect", load);
      socket.off("handoff:offered", offered);
      socket.off("handoff:offer_withdrawn", withdrawn);
    };
  }, [socket]);
  const remove = (reviewId: string) => setOffers((all) => all.filter((o) => o.reviewId !== reviewId));
  return { offers, remove };
}
