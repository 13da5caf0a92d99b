import type { HandoffPacket } from "@handoff/contracts";
import { Section } from "../components/section";
import { DraftCard } from "../review/draft-card";

/** The top of a handoff: a summary of the conversation and why the bot gave up. */
export function HandoffSummary({ packet }: { packet: HandoffPacket }) {
  return (
    <div className="handoff-summary">
      <Section title="Summary">
        <p className="prose">{packet.summary}</p>
      </Section>
      <Section title="Why the bot handed over">
        <p className="prose">{packet.failureReason}</p>
      </Section>
    </div>
  );
}

/** What the bot was asked and already tried. */
export function HandoffAttempts({ packet }: { packet: HandoffPacket }) {
  return (
    <>
      <Section title="Customer's question">
        <blockquote className="question-text">{packet.question}</blockquote>
      </Section>
      <Section title="Attempted answers">
        {packet.attempted.length === 0 ? (
          <p className="muted">The bot did not attempt an answer.</p>
        ) : (
          <ol className="alternatives">
            {packet.attempted.map((d, i) => (
              <li key={`${d.id}:${i}`}>
                <DraftCard draft={d} label={`Attempt ${i + 1}`} />
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
