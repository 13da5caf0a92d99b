import { useEffect, type RefObject } from "react";
import {
  shortId,
  type HandoffOutcome,
  type Review,
  type ReviewDecision,
  type User,
} from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { due, waited } from "../components/format-time";
import { Section } from "../components/section";
import { Transcript } from "../components/transcript";
import { HandoffView } from "../handoff/handoff-view";
import { useConversation } from "../hooks/use-conversation";
import { useNow } from "../hooks/use-now";
import { customerName } from "../inbox/describe";
import { ApprovalView } from "../review/approval-view";
import { CustomerPanel } from "./customer-panel";
import { ConversationChannelNote } from "../channels/conversation-channel";
import { statusLabel } from "./status-label";

interface Props {
  socket: ConsoleSocket;
  user: User;
  conversationId: string;
  review: Review | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onReviews(reviews: Review[]): void;
  onViewed(review: Review): void;
  onDecided(review: Review, decision: ReviewDecision): void;
  onReleased(outcome: HandoffOutcome): void;
}

/** The selected conversation: its approval or handoff view, or its transcript once closed. */
export function ConversationDetail(props: Props) {
  const { socket, user, conversationId, review, headingRef, onReviews, onViewed } = props;
  const view = useConversation(socket, conversationId, onReviews);
  const now = useNow(5000);
  const conversation = view.conversation;

  useEffect(() => {
    if (review) onViewed(review);
  }, [review, onViewed]);

  const name = customerName(conversation ?? undefined, conversationId);
  const open = review && (review.status === "pending" || review.status === "claimed");
  const deadline = open && review.status === "pending" ? due(review.deadline, now) : null;

  return (
    <article className="detail" aria-labelledby="detail-title">
      <header className="detail-header">
        <div>
          <h2 id="detail-title" ref={headingRef} tabIndex={-1}>
            {name}
          </h2>
          <p className="detail-meta">
            {conversation && (
              <span className={`status status-${conversation.status}`}>
                {statusLabel(conversation.status)}
              </span>
            )}
            <span className="conversation-id">{shortId(conversationId)}</span>
            {conversation?.customer.email && <span>{conversation.customer.email}</span>}
            {conversation?.assigneeName && <span>Assigned to {conversation.assigneeName}</span>}
            {open && <span>waited {waited(review.createdAt, now)}</span>}
            {deadline && <span className={deadline.overdue ? "overdue" : undefined}>{deadline.text}</span>}
          </p>
        </div>
      </header>
      <CustomerPanel conversationId={conversationId} />
      <ConversationChannelNote conversationId={conversationId} customerEmail={conversation?.customer.email} />
      {view.error && (
        <p className="form-error" role="alert">
          {view.error}
        </p>
      )}
      {review?.kind === "approval" && open ? (
        <ApprovalView
          key={review.id}
          socket={socket}
          review={review}
          messages={view.messages}
          customerName={conversation?.customer.name ?? null}
          onDecided={(decision) => props.onDecided(review, decision)}
        />
      ) : review?.kind === "handoff" && open ? (
        <HandoffView
          key={review.id}
          socket={socket}
          user={user}
          review={review}
          messages={view.messages}
          customerTyping={view.customerTyping}
          customerName={conversation?.customer.name ?? null}
          onReleased={props.onReleased}
        />
      ) : (
        <Section title="Conversation">
          <p className="notice">
            {conversation
              ? `${statusLabel(conversation.status)}: nothing is waiting on the team.`
              : "Loading…"}
          </p>
          <Transcript messages={view.messages} label="Conversation transcript" />
        </Section>
      )}
    </article>
  );
}
