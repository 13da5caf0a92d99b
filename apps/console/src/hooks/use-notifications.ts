import { useCallback, useEffect, useState } from "react";
import { playChime } from "./chime";
import { usePreference } from "./use-preference";

const BASE_TITLE = "Handoff Desk console";

/**
 * New inbox items raise a notification: a count in the tab's title and a chime. Both are switchable,
 * and the unseen count clears when the agent comes back to the tab.
 */
export function useNotifications(pending: number) {
  const [sound, setSound] = usePreference("sound", true);
  const [badge, setBadge] = usePreference("badge", true);
  const [unseen, setUnseen] = useState(0);

  useEffect(() => {
    const seen = () => {
      if (document.visibilityState === "visible" && document.hasFocus()) setUnseen(0);
    };
    window.addEventListener("focus", seen);
    document.addEventListener("visibilitychange", seen);
    return () => {
      window.removeEventListener("focus", seen);
      document.removeEventListener("visibilitychange", seen);
    };
  }, []);

  useEffect(() => {
    const count = unseen > 0 ? `(${unseen} new) ` : pending > 0 ? `(${pending}) ` : "";
    document.title = badge ? `${count}${BASE_TITLE}` : BASE_TITLE;
  }, [badge, pending, unseen]);

  const notify = useCallback(() => {
    if (!document.hasFocus() || document.visibilityState !== "visible") setUnseen((n) => n + 1);
    if (sound) playChime();
  }, [sound]);

  return { sound, setSound, badge, setBadge, notify };
}
