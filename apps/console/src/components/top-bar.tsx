import type { ReactNode } from "react";
import type { User } from "@handoff/contracts";
import type { ConnectionState } from "../hooks/use-console-connection";

interface Props {
  user: User;
  /** Links to the other screens (supervisors only). */
  nav: ReactNode;
  connection: ConnectionState;
  sound: boolean;
  badge: boolean;
  onSound(on: boolean): void;
  onBadge(on: boolean): void;
  /** Desktop notifications for new handoffs (blocked: the browser refused them). */
  desktop: { on: boolean; blocked: boolean; set(on: boolean): void };
  onHelp(): void;
  onSignOut(): void;
}

const CONNECTION: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  online: "Live",
  offline: "Reconnecting…",
};

/** Brand, screens, connection state, notification switches, the signed-in user and sign out. */
export function TopBar(props: Props) {
  const { user, nav, connection, sound, badge, onSound, onBadge, desktop, onHelp, onSignOut } = props;
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          H
        </span>
        Handoff Desk
      </div>
      {nav}
      <span className={`connection connection-${connection}`} role="status">
        {CONNECTION[connection]}
      </span>
      <div className="top-actions">
        <label className="switch">
          <input type="checkbox" checked={sound} onChange={(e) => onSound(e.target.checked)} />
          Sound
        </label>
        <label className="switch">
          <input type="checkbox" checked={badge} onChange={(e) => onBadge(e.target.checked)} />
          Title badge
        </label>
        <label
          className="switch"
          title={desktop.blocked ? "This browser blocks notifications from the console" : undefined}
        >
          <input
            type="checkbox"
            checked={desktop.on}
            disabled={desktop.blocked}
            onChange={(e) => desktop.set(e.target.checked)}
          />
          Desktop alerts
        </label>
        <a className="top-link" href="#/search">
          Search
        </a>
        <a className="top-link" href="#/saved-replies">
          Saved replies
        </a>
        <button type="button" className="btn btn-ghost" onClick={onHelp} aria-keyshortcuts="?">
          Shortcuts
        </button>
        <span className="user">
          <a className="user-name" href="#/account" title="Your account">
            {user.name}
          </a>
          <span className={`role role-${user.role}`}>
            {user.role === "supervisor" ? "Supervisor" : "Agent"}
          </span>
        </span>
        <button type="button" className="btn btn-ghost" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
