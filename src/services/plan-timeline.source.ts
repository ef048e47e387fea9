/** The plan events of a council's timeline, read through the plans service with the actor (which checks scope). */
import type { Actor } from '../domain/actor.ts';
import type { PlanEventsSource, PlanTimelineEntry } from './council-timeline.service.ts';
import type { PlansService } from './plans.service.ts';

export function planEventsFor(plans: PlansService): PlanEventsSource {
  return async (actor: Actor, urn: string) => {
    const entries: PlanTimelineEntry[] = [];
    for (const summary of await plans.listCouncilPlans(actor, urn)) {
      const plan = await plans.getPlan(actor, summary.id);
      entries.push({
        kind: 'plan-created',
        date: plan.createdAt.slice(0, 10),
        planId: plan.id,
        inspectionId: plan.inspectionId,
      });
      const content = await plans.getPlanContent(actor, summary.id);
      const titles = new Map(content.actions.map((action) => [action.id, action.title]));
      for (const update of content.updates) {
        entries.push({
          kind: 'plan-update',
          date: update.date,
          planId: plan.id,
          actionId: update.actionId,
          actionTitle: titles.get(update.actionId) ?? `Action ${update.actionId}`,
          author: update.author,
          status: update.status,
        });
      }
    }
    return entries;
  };
}
