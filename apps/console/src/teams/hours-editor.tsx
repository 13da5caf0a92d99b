import { useId } from "react";
import { Weekday, type BusinessHours, type OpeningSpan } from "@handoff/contracts";
import { DAY_NAMES, defaultHours, timeZones } from "./hours-draft";

interface Props {
  /** null: the team is always open. */
  value: BusinessHours | null;
  onChange(value: BusinessHours | null): void;
}

/** A team's business hours: its time zone, opening spans per weekday, and holidays. */
export function HoursEditor({ value, onChange }: Props) {
  const id = useId();
  const hours = value;
  const setSpan = (index: number, span: OpeningSpan) =>
    hours && onChange({ ...hours, weekly: hours.weekly.map((s, i) => (i === index ? span : s)) });
  return (
    <fieldset className="hours-editor">
      <legend>Business hours</legend>
      <label className="switch">
        <input
          type="checkbox"
          checked={hours === null}
          onChange={(e) => onChange(e.target.checked ? null : defaultHours())}
        />
        Always open
      </label>
      {hours && (
        <>
          <label className="field">
            Time zone
            <select value={hours.timeZone} onChange={(e) => onChange({ ...hours, timeZone: e.target.value })}>
              {timeZones(hours.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
          <table className="hours-table" aria-label="Opening hours">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hours.weekly.map((span, index) => (
                <tr key={`${id}-${index}`}>
                  <td>
                    <select
                      aria-label={`Day of row ${index + 1}`}
                      value={span.day}
                      onChange={(e) =>
                        setSpan(index, { ...span, day: Weekday.catch("mon").parse(e.target.value) })
                      }
                    >
                      {Weekday.options.map((day) => (
                        <option key={day} value={day}>
                          {DAY_NAMES[day]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="time"
                      aria-label={`Opens, row ${index + 1}`}
                      value={span.open}
                      onChange={(e) => setSpan(index, { ...span, open: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="time"
                      aria-label={`Closes, row ${index + 1}`}
                      value={span.close}
                      onChange={(e) => setSpan(index, { ...span, close: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() =>
                        onChange({ ...hours, weekly: hours.weekly.filter((_, i) => i !== index) })
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              onChange({ ...hours, weekly: [...hours.weekly, { day: "mon", open: "09:00", close: "17:00" }] })
            }
          >
            Add opening hours
          </button>
          <HolidaysEditor hours={hours} onChange={onChange} />
        </>
      )}
    </fieldset>
  );
}

/** Days the team is closed all day, in its time zone. */
function HolidaysEditor({ hours, onChange }: { hours: BusinessHours; onChange(value: BusinessHours): void }) {
  const set = (index: number, patch: Partial<BusinessHours["holidays"][number]>) =>
    onChange({ ...hours, holidays: hours.holidays.map((h, i) => (i === index ? { ...h, ...patch } : h)) });
  return (
    <div className="holidays">
      <h4>Holidays</h4>
      {hours.holidays.length === 0 && <p className="hint">No holidays.</p>}
      <ul>
        {hours.holidays.map((holiday, index) => (
          <li key={index}>
            <input
              type="date"
              aria-label={`Holiday ${index + 1}, date`}
              value={holiday.date}
              onChange={(e) => set(index, { date: e.target.value })}
            />
            <input
              type="text"
              aria-label={`Holiday ${index + 1}, name`}
              placeholder="Name (optional)"
              value={holiday.name}
              onChange={(e) => set(index, { name: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onChange({ ...hours, holidays: hours.holidays.filter((_, i) => i !== index) })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange({ ...hours, holidays: [...hours.holidays, { date: "", name: "" }] })}
      >
        Add a holiday
      </button>
    </div>
  );
}
