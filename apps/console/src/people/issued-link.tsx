import { useState } from "react";
import type { IssuedLink as IssuedLinkType } from "@handoff/contracts";
import { accessLinkUrl } from "../api/people-api";
import { dateTime } from "../components/format-time";

const MAIL: Record<IssuedLinkType["mail"], string> = {
  sent: "We emailed it to them too.",
  not_configured: "No mail server is set up, so pass it on yourself.",
  failed: "Emailing it failed, so pass it on yourself.",
};

/** A link just made, shown once: to copy and pass on (it is not shown again). */
export function IssuedLinkBox({ issued, onDone }: { issued: IssuedLinkType; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  const url = accessLinkUrl(issued.link.kind, issued.token);
  const what = issued.link.kind === "invite" ? "Invitation link" : "Password reset link";
  return (
    <div className="issued-link notice-ok" role="status">
      <p>
        <strong>
          {what} for {issued.link.email}
        </strong>{" "}
        (works once, until {dateTime(issued.link.expiresAt)}). {MAIL[issued.mail]} It is not shown again.
      </p>
      <div className="issued-link-row">
        <input type="text" readOnly aria-label={what} value={url} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn"
          onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
