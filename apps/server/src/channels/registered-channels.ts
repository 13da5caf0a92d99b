import { apiChannel } from "./api/api-channel";
import { emailChannel } from "./email/email-channel";
import type { ChannelFactory } from "./server-channel";

/**
 * Every channel besides the widget. A new channel is a folder here (its factory, routes and tests), a
 * folder under core's channels/ (its adapter and intake) and its kind in contracts' ChannelKind.
 */
export const REGISTERED_CHANNELS: readonly ChannelFactory[] = [apiChannel, emailChannel];
