import { useState } from "react";
import { shortId, type HandoffOffer } from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { acceptOffer, declineOffer } from "../api/offer-requests";
import { FormError } from "../components/form-error";
import { useNow } from "../hooks/use-now";
import { useOffers } from "./use-offers";
import "./assignment.css";

interface Props {
  socket: ConsoleSocket | null;
  /** The offer was accepted: open its conversation. */
  onAccepted(conversationId: string): void;
}

/** Seconds until `at`, never below zero. */
const secondsUntil = (at: string, now: number) => Math.max(0, Math.ceil((Date.parse(at) - now) / 1000));

/**
 * Handoffs offered to me, each with the time left to accept it before it goes to the next person.
 * The list is a live region, so a screen reader announces a new offer.
 */
export function OfferTray({ socket, onAccepted }: Props) {
  const { offers, remove } = useOffers(socket);
  const now = useNow(1000);
  const [error, setError] = useState<string | null>(null);

  const answer = async (offer: HandoffOffer, accept: boolean) => {
    if (!socket) return;
    setError(null);
    try {
      if (accept) {
        await acceptOffer(socket, offer.reviewId);
        onAccepted(offer.conversationId);
      } else {
        await declineOffer(socket, offer.reviewId);
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : "the offer could not be answered");
    }
    remove(offer.reviewId);
  };

  return (
    <section className="offer-tray" aria-label="Offered to you" aria-live="polite">
      {offers.map((offer) => {
        const left = secondsUntil(offer.expiresAt, now);
        return (
          <div key={offer.reviewId} className="offer" data-review-id={offer.reviewId}>
            <p className="offer-text">
              <strong>A customer is waiting for you</strong> (conversation {shortId(offer.conversationId)})
              <span className="offer-countdown">
                {left > 0 ? `${left} s left to accept` : "Passing it on…"}
              </span>
            </p>
            <div className="offer-actions">
              <button type="button" className="btn btn-primary" onClick={() => void answer(offer, true)}>
                Accept
              </button>
              <button type="button" className="btn" onClick={() => void answer(offer, false)}>
                Decline
              </button>
            </div>
          </div>
        );
      })}
      <FormError message={error} />
    </section>
  );
}
