/** A signing secret just made (a webhook's, an API channel's), shown this once to copy into the receiver. */
export function SigningSecret({ added, secret, onDone }: { added: string; secret: string; onDone(): void }) {
  return (
    <div className="issued-link notice-ok" role="status">
      <p>
        <strong>{added} added.</strong> Its signing secret is not shown again:
      </p>
      <div className="issued-link-row">
        <input type="text" readOnly aria-label="Signing secret" value={secret} />
        <button type="button" className="btn" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
