import { SUPERVISOR_VIEWS, routeHref, type Route } from "./routes";

/** The top bar's links between the inbox and the supervisor's desk (rendered for supervisors only). */
export function SupervisorNav({ current }: { current: Route["view"] }) {
  const links = [{ view: "inbox", label: "Inbox" } as const, ...SUPERVISOR_VIEWS];
  const active = current === "conversation" ? "inbox" : current;
  return (
    <nav className="desk-nav" aria-label="Supervisor">
      {links.map((link) => (
        <a
          key={link.view}
          href={routeHref({ view: link.view })}
          aria-current={active === link.view ? "page" : undefined}
        >
          {link.label}
        </a>
      ))}
    </nav>
  );
}
