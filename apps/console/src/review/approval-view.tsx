import { useState } from "react";
import type { ApprovalReview, Message, ReviewDecision } from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { decideReview } from "../api/requests";
import { Section } from "../components/section";
import { TextForm } from "../components/text-form";
import { Transcript } from "../components/transcript";
import { useAction } from "../hooks/use-action";
import { useShortcuts } from "../hooks/use-shortcut";
import { DraftCard } from "./draft-card";
import { PacketDetails } from "./packet-details";
import { RejectForm } from "./reject-form";
import { ShortcutButton } from "../components/shortcut-button";

type Mode = "view" | "edit" | "reject" | "guide";

interface Props {
  socket: ConsoleSocket;
  review: ApprovalReview;
  messages: Message[];
  /** Fills saved replies' {{customer.name}} in the edit box. */
  customerName: string | null;
  onDecided(decision: ReviewDecision): void;
}

/** Everything needed to decide on a draft, never a blind approve, and the six ways to decide. */
export function ApprovalView({ socket, review, messages, customerName, onDecided }: Props) {
  const [mode, setMode] = useState<Mode>("view");
  const { busy, error, run } = useAction();
  const { packet } = review;
  const pending = review.status === "pending";

  const decide = async (decision: ReviewDecision) => {
    const done = await run(() => decideReview(socket, review.id, decision));
    if (done) {
      setMode("view");
      onDecided(decision);
    }
  };

  useShortcuts(
    {
      a: () => void decide({ type: "approve" }),
      e: () => setMode("edit"),
      r: () => setMode("reject"),
      g: () => setMode("guide"),
      t: () => void decide({ type: "takeover" }),
    },
    pending && mode === "view" && !busy,
  );

  return (
    <div className="approval">
      <Section title="Customer's question" className="question">
        <blockquote className="question-text">{packet.question}</blockquote>
        {packet.guidance.length > 0 && (
          <div className="guidance">
            <strong>Redrafted after guidance:</strong>
            <ul>
              {packet.guidance.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ul>
          </div>
        )}
      </Section>

      <div className="approval-grid">
        <div className="approval-main">
          <Section title="Proposed reply" className="draft-section">
            {mode === "edit" ? (
              <TextForm
                label="Edit the reply before sending"
                submitLabel="Send edited reply"
                initial={packet.draft.text}
                rows={8}
                busy={busy}
                savedReplies={{ customerName }}
                onSubmit={(text) => void decide({ type: "edit", text })}
                onCancel={() => setMode("view")}
              />
            ) : (
              <DraftCard draft={packet.draft} label="Draft" />
            )}
          </Section>

          {packet.alternatives.length > 0 && (
            <Section title="Alternatives">
              <ol className="alternatives">
                {packet.alternatives.map((alt, i) => (
                  <li key={alt.id}>
                    <DraftCard draft={alt} label={`Alternative ${i + 1}`} />
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={!pending || busy}
                      onClick={() => void decide({ type: "choose", draftId: alt.id })}
                    >
                      Send alternative {i + 1} instead
                    </button>
                  </li>
                ))}
              </ol>
            </Section>
          )}

          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {!pending && (
            <p className="notice" role="status">
              This draft was already handled ({review.decision?.type ?? review.status}).
            </p>
          )}

          {pending && mode === "view" && (
            <div className="decision-bar" role="toolbar" aria-label="Decide on the draft">
              <ShortcutButton
                shortcut="A"
                variant="primary"
                disabled={busy}
                onClick={() => void decide({ type: "approve" })}
              >
                Approve and send
              </ShortcutButton>
              <ShortcutButton shortcut="E" disabled={busy} onClick={() => setMode("edit")}>
                Edit
              </ShortcutButton>
              <ShortcutButton shortcut="G" disabled={busy} onClick={() => setMode("guide")}>
                Guide
              </ShortcutButton>
              <ShortcutButton shortcut="R" variant="danger" disabled={busy} onClick={() => setMode("reject")}>
                Reject
              </ShortcutButton>
              <ShortcutButton shortcut="T" disabled={busy} onClick={() => void decide({ type: "takeover" })}>
                Take over
              </ShortcutButton>
            </div>
          )}
          {mode === "reject" && (
            <RejectForm
              busy={busy}
              onCancel={() => setMode("view")}
              onSubmit={(reason, replacement) =>
                void decide({ type: "reject", reason, ...(replacement ? { replacement } : {}) })
              }
            />
          )}
          {mode === "guide" && (
            <TextForm
              label="Instruction for the bot"
              submitLabel="Ask for a new draft"
              placeholder="e.g. Offer to pause the subscription instead and link the pause article."
              busy={busy}
              hint="The bot redrafts with your instruction and the new draft comes back here for approval."
              onSubmit={(instruction) => void decide({ type: "guide", instruction })}
              onCancel={() => setMode("view")}
            />
          )}

          <Section title="Conversation">
            <Transcript messages={messages} label="Conversation so far" />
          </Section>
        </div>
        <aside className="approval-side" aria-label="Why the bot paused">
          <PacketDetails packet={packet} />
        </aside>
      </div>
    </div>
  );
}
