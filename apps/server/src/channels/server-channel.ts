import type { Express, RequestHandler } from "express";
import type { ChannelAdapter, ChannelDeps } from "@handoff/core";
import type { Platform } from "../app/create-platform";

/** Who may call a channel's routes: agents (and API keys acting as one) or supervisors. */
export interface ChannelGuards {
  agents: RequestHandler;
  supervisors: RequestHandler;
}

/** What a channel is built from: the platform, and the deps every channel shares. */
export interface ChannelContext {
  platform: Platform;
  deps: ChannelDeps;
}

/** One channel as the server runs it: how replies leave, its routes, what it listens to. */
export interface ServerChannel {
  /** Null when the channel is not configured: its replies wait, its routes say why. */
  adapter: ChannelAdapter | null;
  mountRoutes(app: Express, guards: ChannelGuards): void;
  stop(): void;
}

/** Builds a channel for a platform; registered in registered-channels.ts. */
export type ChannelFactory = (context: ChannelContext) => ServerChannel;
