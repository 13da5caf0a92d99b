import { useCallback, useState } from "react";
import { shortId, type Review } from "@handoff/contracts";
import { routeHref } from "../navigation/routes";
import { usePreference } from "./use-preference";

type Permission = NotificationPermission | "unsupported";

const currentPermission = (): Permission =>
  typeof Notification === "undefined" ? "unsupported" : Notification.permission;

/**
 * Desktop notifications for new handoffs, off until the agent turns them on, which asks the browser's
 * permission. A notification names the conversation and quotes why it was handed over; clicking it
 * brings the console forward on that conversation.
 */
export function useDesktopAlerts() {
  const [wanted, setWanted] = usePreference("desktop", false);
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const on = wanted && permission === "granted";

  const setOn = useCallback(
    async (next: boolean) => {
      if (!next || permission === "unsupported") {
        setWanted(false);
        return;
      }
      const answer = permission === "granted" ? "granted" : await Notification.requestPermission();
      setPermission(answer);
      setWanted(answer === "granted");
    },
    [permission, setWanted],
  );

  const alert = useCallback(
    (review: Review) => {
      if (!on || review.kind !== "handoff" || review.status !== "pending") return;
      const shown = new Notification(
        `A customer is waiting for a person (${shortId(review.conversationId)})`,
        {
          body: review.packet.question,
          tag: review.id,
        },
      );
      shown.onclick = () => {
        window.focus();
        window.location.hash = routeHref({ view: "conversation", conversationId: review.conversationId });
        shown.close();
      };
    },
    [on],
  );

  return {
    desktop: on,
    desktopBlocked: permission === "denied" || permission === "unsupported",
    setDesktop: setOn,
    alert,
  };
}
