import { useCallback, useRef } from "react";
import type { HandoffOutcome, HandoffReview, Message, User } from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { claimHandoff, releaseHandoff, sendMessage, setTyping } from "../api/requests";
import { Section } from "../components/section";
import { Transcript } from "../components/transcript";
import { useAction } from "../hooks/use-action";
import { useShortcuts } from "../hooks/use-shortcut";
import { PacketDetails } from "../review/packet-details";
import { Composer } from "./composer";
import { HandoffAttempts, HandoffSummary } from "./handoff-packet";
import { ShortcutButton } from "../components/shortcut-button";

interface Props {
  socket: ConsoleSocket;
  user: User;
  review: HandoffReview;
  messages: Message[];
  customerTyping: boolean;
  /** Fills saved replies' {{customer.name}}. */
  customerName: string | null;
  onReleased(outcome: HandoffOutcome): void;
}

/** A live handoff: the packet, the claim, and the chat with the customer until hand back or resolve. */
export function HandoffView(props: Props) {
  const { socket, user, review, messages, customerTyping, customerName, onReleased } = props;
  const { busy, error, setError, run } = useAction();
  const counter = useRef(0);
  const conversationId = review.conversationId;
  const mine = review.status === "claimed" && review.assigneeId === user.id;
  const takenByOther = review.status === "claimed" && !mine;
  const supervisor = user.role === "supervisor";
  const canReply = mine || (takenByOther && supervisor);

  const claim = () => void run(() => claimHandoff(socket, review.id));
  const release = async (outcome: HandoffOutcome) => {
    const done = await run(() => releaseHandoff(socket, conversationId, outcome));
    if (done) onReleased(outcome);
  };

  const send = useCallback(
    async (text: string, internal: boolean) => {
      counter.current += 1;
      const clientId = `${Date.now().toString(36)}-${counter.current}-${Math.random().toString(36).slice(2, 8)}`;
      try {
        await sendMessage(socket, { conversationId, clientId, text, internal });
        return true;
      } catch (err) {
        setError(err instanceof Error ? err.message : "the message was not sent");
        return false;
      }
    },
    [socket, conversationId, setError],
  );
  const typing = useCallback(
    (on: boolean) => setTyping(socket, conversationId, on),
    [socket, conversationId],
  );

  useShortcuts({ c: claim }, review.status === "pending" && !busy);

  return (
    <div className="handoff">
      <div className={`claim-banner claim-${review.status}${mine ? " claim-mine" : ""}`} role="status">
        {review.status === "pending" && (
          <>
            <span>Waiting for an agent. Claim it to chat with the customer.</span>
            <ShortcutButton shortcut="C" variant="primary" disabled={busy} onClick={claim}>
              Claim conversation
            </ShortcutButton>
          </>
        )}
        {mine && <span>You are handling this conversation.</span>}
        {takenByOther && (
          <span>
            Taken by <strong>{review.assigneeName ?? "another agent"}</strong>
            {supervisor ? ". As a supervisor you can still step in." : "."}
          </span>
        )}
        {(review.status === "decided" || review.status === "expired") && (
          <span>
            This handoff is closed
            {review.decision
              ? ` (${review.decision.type === "resolved" ? "resolved" : "handed back to the bot"})`
              : ""}
            .
          </span>
        )}
        {canReply && (
          <span className="claim-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void release("handed_back")}>
              Hand back to bot
            </button>
            <button
              type="button"
              className="btn btn-success"
              disabled={busy}
              onClick={() => void release("resolved")}
            >
              Resolve
            </button>
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <HandoffSummary packet={review.packet} />

      <div className="approval-grid">
        <div className="approval-main">
          <Section title="Live chat" className="live-chat">
            <Transcript messages={messages} label="Live chat with the customer" live />
            <p className="typing-indicator" aria-live="polite">
              {customerTyping ? "The customer is typing…" : ""}
            </p>
            {review.status !== "decided" && review.status !== "expired" && (
              <Composer
                canReply={canReply}
                disabledReason={
                  canReply
                    ? null
                    : review.status === "pending"
                      ? "Claim to reply."
                      : "Only notes: not your chat."
                }
                onSend={send}
                onTyping={typing}
                customerName={customerName}
              />
            )}
          </Section>
        </div>
        <aside className="approval-side" aria-label="What the bot handed over">
          <HandoffAttempts packet={review.packet} />
          <PacketDetails packet={review.packet} />
        </aside>
      </div>
    </div>
  );
}
