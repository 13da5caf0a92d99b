import type { Review } from "@handoff/contracts";
import { ConfidenceMeter } from "../components/confidence-meter";
import { RiskFlags } from "../components/risk-flags";
import { Section } from "../components/section";
import { SourcesList } from "../components/sources-list";
import { reasonLabel } from "../inbox/describe";
import { languageLabel } from "./language-label";

/** Why the bot paused: confidence and its parts, reasoning, sources, risk flags, the routing reason and the customer's language. */
export function PacketDetails({ packet }: { packet: Review["packet"] }) {
  return (
    <div className="packet-details">
      <Section title="Confidence">
        <ConfidenceMeter confidence={packet.confidence} />
      </Section>
      <Section title="Why it is here">
        <p>
          <span className="tag tag-reason">{reasonLabel(packet.routeReason)}</span>
        </p>
        <RiskFlags flags={packet.riskFlags} />
        <p className="packet-language">
          Customer wrote in <strong>{languageLabel(packet.language)}</strong>
        </p>
      </Section>
      <Section title="Bot's reasoning">
        <p className="prose">{packet.reasoning || "No reasoning was given."}</p>
      </Section>
      <Section title="Sources">
        <SourcesList sources={packet.sources} />
      </Section>
    </div>
  );
}
