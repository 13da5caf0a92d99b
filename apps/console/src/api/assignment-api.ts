import { z } from "zod";
import { Assignments, Person, Review, type AvailabilityUpdate } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

const Me = z.object({ user: Person });

/** One's own availability and capacity. */
export const getAvailability = (client: RestClient) =>
  client.get(Me, "/api/me/availability").then((r) => r.user);

/** Changes one's own availability or capacity. */
export const setAvailability = (client: RestClient, patch: AvailabilityUpdate) =>
  client.patch(Me, "/api/me/availability", patch).then((r) => r.user);

/** Who holds what, and what waits with whose offer (supervisors). */
export const getAssignments = (client: RestClient) => client.get(Assignments, "/api/assignments");

/** Gives a waiting or held handoff to someone (supervisors). */
export const assignHandoff = (client: RestClient, reviewId: string, userId: string) =>
  client
    .post(z.object({ review: Review }), `/api/handoffs/${encodeURIComponent(reviewId)}/assign`, { userId })
    .then((r) => r.review);
