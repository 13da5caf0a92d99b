import { useState } from "react";
import type { ApiKeyCreated } from "@handoff/contracts";

/** A key just made: its secret, shown this once, to copy into the other system. */
export function NewSecret({ created, onDone }: { created: ApiKeyCreated; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="issued-link notice-ok" role="status">
      <p>
        <strong>API key “{created.key.name}” created.</strong> Copy it now: it is not shown again. Send it as{" "}
        <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <div className="issued-link-row">
        <input
          type="text"
          readOnly
          aria-label="New API key"
          value={created.secret}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="btn"
          onClick={() => void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}
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
