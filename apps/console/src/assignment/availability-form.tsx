import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Availability, type Person } from "@handoff/contracts";
import { getAvailability, setAvailability } from "../api/assignment-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { useAction } from "../hooks/use-action";
import { useRemote } from "../hooks/use-remote";

const LABELS: Record<Availability, string> = {
  available: "Available: offer me new conversations",
  away: "Away: no new offers for now",
  offline: "Offline",
};

/**
 * Whether new handoffs are offered to you, and how many conversations you hold at once. Offers go to
 * available people with the console open; going away passes the offers waiting on you to the next.
 */
export function AvailabilityForm({ client }: { client: RestClient }) {
  const me = useRemote(useCallback(() => getAvailability(client), [client]));
  const [person, setPerson] = useState<Person | null>(null);
  const [capacity, setCapacity] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (!me.data) return;
    setPerson(me.data);
    setCapacity(String(me.data.capacity));
  }, [me.data]);

  const save = async (patch: { availability?: Availability; capacity?: number }, said: string) => {
    setSaved(null);
    const before = person;
    // The radio shows the choice at once; waiting for the server would snap it back meanwhile.
    if (before && patch.availability) setPerson({ ...before, availability: patch.availability });
    const next = await run(() => setAvailability(client, patch));
    setPerson(next ?? before);
    if (next) setSaved(said);
  };
  const saveCapacity = (event: FormEvent) => {
    event.preventDefault();
    void save({ capacity: Number(capacity) }, `You take up to ${capacity} conversations at once.`);
  };

  if (!person) return <FormError message={me.error} />;
  return (
    <div className="availability">
      <fieldset className="availability-choice" disabled={busy}>
        <legend>Taking new conversations</legend>
        {Availability.options.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="availability"
              value={option}
              checked={person.availability === option}
              onChange={() => void save({ availability: option }, `You are ${option} now.`)}
            />
            {LABELS[option]}
          </label>
        ))}
      </fieldset>
      <form className="account-form" onSubmit={saveCapacity}>
        <label className="field">
          Conversations you take at once
          <input
            type="number"
            min={1}
            max={50}
            step={1}
            required
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save capacity
        </button>
      </form>
      <FormError message={error} />
      {saved && (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      )}
    </div>
  );
}
