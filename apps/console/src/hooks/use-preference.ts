import { useCallback, useState } from "react";

/** An on/off setting kept in localStorage (notification sound, title badge). */
export function usePreference(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const storageKey = `handoff.console.${key}`;
  const [value, setValue] = useState(() => {
    const stored = localStorage.getItem(storageKey);
    return stored === null ? initial : stored === "on";
  });
  const update = useCallback(
    (next: boolean) => {
      localStorage.setItem(storageKey, next ? "on" : "off");
      setValue(next);
    },
    [storageKey],
  );
  return [value, update];
}
