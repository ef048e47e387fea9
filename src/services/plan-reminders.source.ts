/** Where `csci remind` reads the plans from: every council's plans that are not closed, through the plans service, as the command line. */
import { COMMAND_LINE_ACTOR } from '../domain/actor.ts';
import type { CouncilService } from './council.service.ts';
import type { OpenPlansSource } from './plan-reminders.service.ts';
import type { PlansService } from './plans.service.ts';

export function openPlansForReminders(plans: PlansService, councilService: CouncilService): OpenPlansSource {
  return async () => {
    const councils = await councilService.list({ includeInactive: true });
    const found = [];
    for (const council of councils) {
      for (const summary of await plans.listCouncilPlans(COMMAND_LINE_ACTOR, council.urn)) {
        if (summary.status === 'closed') continue;
        found.push({ councilName: council.name, content: await plans.getPlanContent(COMMAND_LINE_ACTOR, summary.id) });
      }
    }
    return found;
  };
}
