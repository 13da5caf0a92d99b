import { describe } from "vitest";
import { describeApiKeys } from "./contract/api-keys";
import { describeWebhooks } from "./contract/webhooks";
import { describeChannels } from "./contract/channels";
import { describeAccessLinks } from "./contract/access-links";
import { describeArticlesAndSettings } from "./contract/articles";
import { describeAudit } from "./contract/audit";
import { describeCheckpointer } from "./contract/checkpointer";
import { type OpenStore, useFreshStore } from "./contract/context";
import { describeConversations } from "./contract/conversations";
import { describeCorrections } from "./contract/corrections";
import { describeCustomerData } from "./contract/customer-data";
import { describeHandoffHolders } from "./contract/handoff-holders";
import { describeLeases } from "./contract/leases";
import { describeMessages } from "./contract/messages";
import { describeOffers } from "./contract/offers";
import { describeReviews } from "./contract/reviews";
import { describeSavedReplies } from "./contract/saved-replies";
import { describeConversationSearch } from "./contract/conversation-search";
import { describeTeams } from "./contract/teams";
import { describeUsersAndSessions } from "./contract/users";

export type { OpenedStore, OpenStore } from "./contract/context";

/**
 * Registers the behaviour every Store adapter must share. `open` must return a fresh, empty store
 * (and its checkpointer) for each test; `cleanup`, if given, runs after the store is closed.
 */
export function runStoreContractSuite(name: string, open: OpenStore): void {
  describe(`${name} store`, () => {
    const ctx = useFreshStore(open);
    describeConversations(ctx);
    describeMessages(ctx);
    describeReviews(ctx);
    describeCorrections(ctx);
    describeAudit(ctx);
    describeUsersAndSessions(ctx);
    describeAccessLinks(ctx);
    describeApiKeys(ctx);
    describeWebhooks(ctx);
    describeChannels(ctx);
    describeHandoffHolders(ctx);
    describeTeams(ctx);
    describeOffers(ctx);
    describeArticlesAndSettings(ctx);
    describeCheckpointer(ctx);
    describeCustomerData(ctx);
    describeSavedReplies(ctx);
    describeConversationSearch(ctx);
    describeLeases(ctx);
  });
}
