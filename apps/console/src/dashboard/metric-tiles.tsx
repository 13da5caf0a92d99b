import type { Metrics } from "@handoff/contracts";
import { count } from "../components/count";
import { NO_DATA, percent, scoreText, timeText } from "./format-metric";
import { StatTile } from "./stat-tile";

/** The headline numbers of a period: automation, decisions, waiting times, ratings, corrections. */
export function MetricTiles({ metrics: m }: { metrics: Metrics }) {
  const d = m.decisions;
  return (
    <dl className="stats">
      <StatTile
        label="Automation rate"
        value={percent(m.automationRate)}
        note={`${m.routes.auto} of ${m.messages} answered without a person`}
      />
      <StatTile
        label="Messages"
        value={String(m.messages)}
        note={`${m.routes.approval} sent for approval · ${m.routes.handoff} handed over`}
      />
      <StatTile
        label="Approval rate"
        value={percent(d.approvalRate)}
        note={`${d.approved} of ${d.total} approved as drafted`}
      />
      <StatTile
        label="Edit rate"
        value={percent(d.editRate)}
        note={`${d.edited} edited or swapped for an alternative`}
      />
      <StatTile label="Rejection rate" value={percent(d.rejectionRate)} note={`${d.rejected} rejected`} />
      <StatTile
        label="Pause to decision"
        value={timeText(m.pauseToDecision.medianMs)}
        note={`median · p90 ${timeText(m.pauseToDecision.p90Ms)} · ${count(m.pauseToDecision.count, "decision")}`}
      />
      <StatTile
        label="Handoff to first reply"
        value={timeText(m.handoffToFirstReply.medianMs)}
        note={`median · p90 ${timeText(m.handoffToFirstReply.p90Ms)} · ${count(m.handoffToFirstReply.count, "handoff")}`}
      />
      <StatTile
        label="Customer rating"
        value={m.ratings.average === null ? NO_DATA : `${scoreText(m.ratings.average)} / 5`}
        note={`${count(m.ratings.count, "rating")} · ${m.ratings.thumbsUp} thumbs up · ${m.ratings.thumbsDown} thumbs down`}
      />
      <StatTile
        label="Corrections"
        value={`${m.corrections.created} created`}
        note={`${m.corrections.approved} approved`}
      />
      <StatTile
        label="Rubber-stamp approvals"
        value={String(m.rubberStamps.count)}
        warn={m.rubberStamps.count > 0}
        note={
          m.rubberStamps.count > 0
            ? `${percent(m.rubberStamps.share)} of approvals came faster than the draft can be read`
            : "No approval came faster than the draft can be read"
        }
      />
      <StatTile
        label="Shadow agreement"
        value={percent(m.shadowAgreementRate)}
        note="Shadow drafts a person sent unchanged"
      />
    </dl>
  );
}
