import {
  AvailabilityUpdate,
  type Actor,
  type Assignments,
  type HandoffOffer,
  type Person,
  type Review,
  type Team,
  type User,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Clock, Store } from "../ports";
import type { TeamsService } from "../teams/teams-service";
import type { HandoffHolders } from "./handoff-holders";
import { pickAgent, type Candidate } from "./pick-agent";

/** Who has the console open now (across every instance). */
export interface Presence {
  online(userIds: readonly string[]): Promise<Set<string>>;
}

/** Tells one person's consoles about offers made to them, and their end. */
export interface OfferNotifier {
  offered(offer: HandoffOffer): void;
  withdrawn(userId: string, reviewId: string): void;
}

/** What assignment works with. */
export interface AssignmentDeps {
  store: Store;
  clock: Clock;
  teams: TeamsService;
  presence: Presence;
  notify: OfferNotifier;
  holders: HandoffHolders;
  /** Claims a waiting handoff for someone (ConversationService.claimHandoff: lifecycle, audit, notice). */
  claim(reviewId: string, user: User): Promise<Review>;
}

/** How many open handoffs one look goes through. */
const OPEN_LIMIT = 5000;

const rotationKey = (teamId: string) => `assignment:last-offer:${teamId}`;
/** Who a handoff was offered to in a round that ended with nobody taking it. */
const askedKey = (reviewId: string) => `assignment:asked:${reviewId}`;

const asked = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * Auto-assignment: a new handoff goes to the team of its category and is offered to the least-loaded
 * member who is available, has the console open and is under their capacity (round-robin among equals).
 * They have the team's `offerSeconds` to accept; declining or letting it run out offers it to the next
 * one, until everyone was asked, and then it waits in the queue, where anyone may still claim it. Only
 * one offer per handoff exists at a time, and answering or expiring it is a compare-and-set, so two
 * instances never move one offer twice.
 */
export class AssignmentService {
  constructor(private readonly deps: AssignmentDeps) {}

  private get store() {
    return this.deps.store;
  }

  /**
   * A handoff is waiting (new, or back in the queue): offer it, unless it is offered already. A
   * handoff back in the queue starts a new round, so everyone may be asked again.
   */
  async handoffWaiting(review: Review): Promise<HandoffOffer | null> {
    if (review.kind !== "handoff" || review.status !== "pending") return null;
    if (await this.store.offers.get(review.id)) return null;
    await this.store.kv.set(askedKey(review.id), []);
    return this.offerNext(review, []);
  }

  /** A handoff was claimed or closed: its offer, if any, ends. */
  async handoffTaken(reviewId: string): Promise<void> {
    const offer = await this.store.offers.get(reviewId);
    if (!offer || !(await this.store.offers.take(reviewId, offer.userId))) return;
    this.deps.notify.withdrawn(offer.userId, reviewId);
  }

  /** The person accepts an offer made to them: they claim the handoff. */
  async accept(reviewId: string, user: User): Promise<Review> {
    const offer = await this.store.offers.take(reviewId, user.id);
    if (!offer) throw new DomainError("conflict", "this offer is no longer yours");
    this.deps.notify.withdrawn(user.id, reviewId);
    return this.deps.claim(reviewId, user);
  }

  /** The person passes on an offer: the next one gets it. */
  async decline(reviewId: string, user: User): Promise<void> {
    const offer = await this.store.offers.take(reviewId, user.id);
    if (!offer) throw new DomainError("conflict", "this offer is no longer yours");
    this.deps.notify.withdrawn(user.id, reviewId);
    await this.audit({ type: "user", id: user.id, name: user.name }, "handoff.declined", offer);
    await this.moveOn(offer);
  }

  /** Offers whose time ran out go to the next person; returns how many moved. */
  async sweep(): Promise<number> {
    const due = await this.store.offers.listExpired(this.deps.clock.now().toISOString(), 100);
    let moved = 0;
    for (const offer of due) {
      if (!(await this.store.offers.take(offer.reviewId, offer.userId))) continue;
      this.deps.notify.withdrawn(offer.userId, offer.reviewId);
      await this.moveOn(offer);
      moved++;
    }
    return moved;
  }

  /** One person's account with their availability and capacity. */
  async person(userId: string): Promise<Person> {
    const person = await this.store.users.get(userId);
    if (!person) throw new DomainError("not_found", "no such person");
    return person;
  }

  /** The offers waiting on one person (their console asks after a reload). */
  offersFor(userId: string): Promise<HandoffOffer[]> {
    return this.store.offers.list({ userId });
  }

  /**
   * Someone changes their own availability or capacity. Becoming available (or taking more) offers
   * them the handoffs of their teams that wait without an offer; going away or offline passes the
   * offers waiting on them to the next person.
   */
  async setAvailability(user: User, patch: AvailabilityUpdate): Promise<Person> {
    const change = AvailabilityUpdate.parse(patch);
    const person = await this.store.users.update(user.id, change);
    if (!person) throw new DomainError("not_found", "no such person");
    if (person.availability === "available") {
      await this.offerWaiting();
    } else {
      for (const offer of await this.store.offers.list({ userId: user.id })) {
        if (!(await this.store.offers.take(offer.reviewId, user.id))) continue;
        this.deps.notify.withdrawn(user.id, offer.reviewId);
        await this.moveOn(offer);
      }
    }
    return person;
  }

  /**
   * Offers every waiting handoff that has no offer (someone became available, connected or freed a
   * place), skipping whoever was asked already in its round.
   */
  async offerWaiting(): Promise<number> {
    const [pending, offers] = await Promise.all([
      this.store.reviews.listByStatus(["pending"], OPEN_LIMIT),
      this.store.offers.list(),
    ]);
    const offered = new Set(offers.map((o) => o.reviewId));
    let made = 0;
    for (const review of pending) {
      if (review.kind !== "handoff" || offered.has(review.id)) continue;
      if (await this.offerNext(review, asked(await this.store.kv.get(askedKey(review.id))))) made++;
    }
    return made;
  }

  /** Who holds what and who is available, and the handoffs waiting with their offers (supervisors). */
  async assignments(): Promise<Assignments> {
    const [people, teams, open, offers] = await Promise.all([
      this.store.users.list(),
      this.store.teams.list(),
      this.store.reviews.listByStatus(["pending", "claimed"], OPEN_LIMIT),
      this.store.offers.list(),
    ]);
    const active = people.filter((p) => p.status === "active");
    const online = await this.deps.presence.online(active.map((p) => p.id));
    const handoffs = open.filter((r) => r.kind === "handoff");
    const customers = new Map(
      await Promise.all(
        handoffs.map(async (r) => {
          const conversation = await this.store.conversations.get(r.conversationId);
          return [r.id, conversation?.customer.name ?? conversation?.customer.email ?? null] as const;
        }),
      ),
    );
    return {
      agents: active.map((p) => ({
        userId: p.id,
        name: p.name,
        role: p.role,
        availability: p.availability,
        online: online.has(p.id),
        capacity: p.capacity,
        holding: handoffs
          .filter((r) => r.status === "claimed" && r.assigneeId === p.id)
          .map((r) => ({
            reviewId: r.id,
            conversationId: r.conversationId,
            customer: customers.get(r.id) ?? null,
          })),
        teamIds: teams.filter((t) => t.members.some((m) => m.userId === p.id)).map((t) => t.id),
      })),
      waiting: handoffs
        .filter((r) => r.status === "pending")
        .map((r) => ({
          reviewId: r.id,
          conversationId: r.conversationId,
          customer: customers.get(r.id) ?? null,
          category: r.packet.category,
          createdAt: r.createdAt,
          offer: offers.find((o) => o.reviewId === r.id) ?? null,
        })),
    };
  }

  /** A supervisor gives a waiting or held handoff to someone active. */
  async assign(reviewId: string, userId: string, actor: Actor): Promise<Review> {
    const to = await this.store.users.get(userId);
    if (!to || to.status !== "active") throw new DomainError("bad_request", "no active person with this id");
    await this.handoffTaken(reviewId);
    return this.deps.holders.assign(reviewId, to, actor);
  }

  /** After an offer ended unanswered: the next person, if the handoff still waits. */
  private async moveOn(offer: HandoffOffer): Promise<void> {
    const review = await this.store.reviews.get(offer.reviewId);
    if (review?.kind === "handoff" && review.status === "pending") await this.offerNext(review, offer.tried);
  }

  /** Offers the handoff to the next person not asked yet in this round; null when nobody can take it. */
  private async offerNext(review: Review, tried: readonly string[]): Promise<HandoffOffer | null> {
    const team = await this.deps.teams.teamFor(review.packet.category);
    if (!team || team.members.length === 0) return null;
    const candidates = await this.candidates(team, tried);
    const last = await this.store.kv.get(rotationKey(team.id));
    const order = team.members.map((m) => m.userId);
    const chosen = pickAgent(candidates, order, typeof last === "string" ? last : null);
    if (!chosen) {
      // It waits in the queue; someone who becomes available later is asked, those asked are not.
      await this.store.kv.set(askedKey(review.id), tried);
      return null;
    }
    const now = this.deps.clock.now();
    const offer: HandoffOffer = {
      reviewId: review.id,
      conversationId: review.conversationId,
      userId: chosen.id,
      userName: chosen.name,
      teamId: team.id,
      offeredAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + team.offerSeconds * 1000).toISOString(),
      tried: [...tried, chosen.id],
    };
    if (!(await this.store.offers.add(offer))) return null;
    await this.store.kv.set(rotationKey(team.id), chosen.id);
    this.deps.notify.offered(offer);
    await this.audit({ type: "system", id: null, name: "assignment" }, "handoff.offered", offer);
    return offer;
  }

  /** The team's members who may get an offer now, with their load, in the team's order. */
  private async candidates(team: Team, tried: readonly string[]): Promise<Candidate[]> {
    const ids = team.members.map((m) => m.userId).filter((id) => !tried.includes(id));
    const people = (await Promise.all(ids.map((id) => this.store.users.get(id)))).filter(
      (p): p is Person => p?.status === "active" && p.availability === "available",
    );
    if (people.length === 0) return [];
    const [online, claimed, offers] = await Promise.all([
      this.deps.presence.online(people.map((p) => p.id)),
      this.store.reviews.listByStatus(["claimed"], OPEN_LIMIT),
      this.store.offers.list(),
    ]);
    return people
      .filter((p) => online.has(p.id))
      .map((p) => ({
        id: p.id,
        name: p.name,
        capacity: p.capacity,
        // What they hold, and what they are being asked to take.
        load:
          claimed.filter((r) => r.kind === "handoff" && r.assigneeId === p.id).length +
          offers.filter((o) => o.userId === p.id).length,
      }));
  }

  private async audit(actor: Actor, action: "handoff.offered" | "handoff.declined", offer: HandoffOffer) {
    await this.store.audit.append({
      actor,
      action,
      conversationId: offer.conversationId,
      details: {
        reviewId: offer.reviewId,
        to: { id: offer.userId, name: offer.userName },
        teamId: offer.teamId,
        round: offer.tried.length,
      },
    });
  }
}
