/** A labelled password input; `fresh` for a new password (the browser offers to generate one). */
export function PasswordField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  fresh?: boolean;
  className?: string;
}) {
  return (
    <label className={props.className}>
      {props.label}
      <input
        type="password"
        autoComplete={props.fresh ? "new-password" : "current-password"}
        required
        minLength={props.fresh ? 10 : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
