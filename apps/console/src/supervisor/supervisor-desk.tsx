import type { User } from "@handoff/contracts";
import type { RestClient } from "../api/rest-client";
import { ApiKeysPage } from "../api-keys/api-keys-page";
import { AuditLog } from "../audit/audit-log";
import { DashboardPage } from "../dashboard/dashboard-page";
import { FeedbackQueue } from "../feedback/feedback-queue";
import type { SupervisorView } from "../navigation/routes";
import { PeoplePage } from "../people/people-page";
import { QuarantinePage } from "../quarantine/quarantine-page";
import { SettingsPage } from "../settings/settings-page";
import { TeamsPage } from "../teams/teams-page";
import { WebhooksPage } from "../webhooks/webhooks-page";
import { ChannelsPage } from "../channels/channels-page";

interface Props {
  view: SupervisorView;
  client: RestClient;
  user: User;
}

/** One screen of the supervisor's desk, full width under the top bar. */
export function SupervisorDesk({ view, client, user }: Props) {
  return (
    <main id="page" className="page" tabIndex={-1}>
      {view === "people" ? (
        <PeoplePage client={client} user={user} />
      ) : view === "teams" ? (
        <TeamsPage client={client} />
      ) : view === "feedback" ? (
        <FeedbackQueue client={client} user={user} />
      ) : view === "quarantine" ? (
        <QuarantinePage client={client} />
      ) : view === "dashboard" ? (
        <DashboardPage client={client} />
      ) : view === "webhooks" ? (
        <WebhooksPage client={client} />
      ) : view === "channels" ? (
        <ChannelsPage client={client} />
      ) : view === "api-keys" ? (
        <ApiKeysPage client={client} />
      ) : view === "settings" ? (
        <SettingsPage client={client} />
      ) : (
        <AuditLog client={client} />
      )}
    </main>
  );
}
