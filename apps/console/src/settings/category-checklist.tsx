import { useId, useState } from "react";

interface Props {
  legend: string;
  hint: string;
  options: string[];
  value: string[];
  onChange(value: string[]): void;
}

/** Ticks categories on or off, and adds one the help center does not name yet. */
export function CategoryChecklist({ legend, hint, options, value, onChange }: Props) {
  const [extra, setExtra] = useState("");
  const addId = useId();
  const all = [...new Set([...options, ...value])].sort((a, b) => a.localeCompare(b));
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...value, name] : value.filter((v) => v !== name));
  const add = () => {
    const name = extra.trim();
    if (name && !value.includes(name)) onChange([...value, name]);
    setExtra("");
  };
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <div className="checklist-items">
        {all.map((name) => (
          <label key={name} className="switch">
            <input
              type="checkbox"
              checked={value.includes(name)}
              onChange={(e) => toggle(name, e.target.checked)}
            />
            {name}
          </label>
        ))}
      </div>
      <div className="checklist-add">
        <label htmlFor={addId} className="visually-hidden">
          Add a category to {legend.toLowerCase()}
        </label>
        <input
          id={addId}
          type="text"
          placeholder="Another category"
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn btn-small" disabled={!extra.trim()} onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  );
}
