/**
 * A council's timeline (issue 11): inspection → plan → updates → visits (letters) → next inspection,
 * oldest first. The public parts (inspections, letters, the statutory deadlines that ran from them,
 * the next inspection's window) are for everyone; the plan's own events only for people who may
 * read the council's private data (its users and admins), checked here with the actor. Data only:
 * the page words it.
 */
import { canReadCouncil, type Actor } from '../domain/actor.ts';
import type { Grade, InspectionKind, IsoDate, LetterKind } from '../domain/index.ts';
import type { ReadModel, RuleOrEstimate } from './read-model.ts';

export type TimelineEntry =
  | {
      readonly kind: 'inspection';
      readonly date: IsoDate;
      readonly inspectionId: number;
      readonly inspectionKind: InspectionKind;
      readonly onSite: { readonly start: IsoDate; readonly end: IsoDate };
      readonly overall: Grade | null;
    }
  | {
      readonly kind: 'letter';
      readonly date: IsoDate;
      readonly letterId: number;
      readonly letterKind: LetterKind;
      readonly focus: string | null;
      readonly priorityActions: number;
    }
  | { readonly kind: 'deadline'; readonly date: IsoDate; readonly name: string; readonly status: 'running' | 'passed' }
  | {
      readonly kind: 'next-inspection';
      readonly date: IsoDate;
      readonly to: IsoDate;
      readonly inspectionKind: InspectionKind;
      readonly basis: RuleOrEstimate;
      readonly windowStatus: string;
    }
  | PlanTimelineEntry;

/** What a plan adds to the timeline, for the council's people only. */
export type PlanTimelineEntry =
  | { readonly kind: 'plan-created'; readonly date: IsoDate; readonly planId: number; readonly inspectionId: number }
  | {
      readonly kind: 'plan-version';
      readonly date: IsoDate;
      readonly planId: number;
      readonly version: number;
      readonly by: string;
    }
  | {
      readonly kind: 'plan-update';
      readonly date: IsoDate;
      readonly planId: number;
      readonly actionId: number;
      readonly actionTitle: string;
      readonly author: string;
      readonly status: string;
    }
  | {
      readonly kind: 'plan-sign-off';
      readonly date: IsoDate;
      readonly planId: number;
      readonly by: string;
      readonly what: string;
    };

/** Reads a council's plan events for an actor who may see them. */
export type PlanEventsSource = (actor: Actor, urn: string) => Promise<readonly PlanTimelineEntry[]>;

export interface CouncilTimeline {
  readonly urn: string;
  readonly councilName: string;
  readonly asAt: IsoDate;
  /** Whether plan events are included (the actor may read the council's private data). */
  readonly includesPlans: boolean;
  /** Oldest first; entries after asAt are what is expected. */
  readonly entries: readonly TimelineEntry[];
}

export interface CouncilTimelineService {
  timeline(actor: Actor | null, urn: string, asAt: IsoDate): Promise<CouncilTimeline>;
}

const ORDER: Record<TimelineEntry['kind'], number> = {
  inspection: 0,
  deadline: 1,
  'plan-created': 2,
  'plan-version': 3,
  'plan-update': 4,
  'plan-sign-off': 5,
  letter: 6,
  'next-inspection': 7,
};

export function createCouncilTimelineService(dependencies: {
  readonly readModel: ReadModel;
  readonly planEvents: PlanEventsSource;
}): CouncilTimelineService {
  return {
    async timeline(actor, urn, asAt) {
      const story = await dependencies.readModel.councilStory(urn, asAt);
      const entries: TimelineEntry[] = [];
      for (const entry of story.history) {
        entries.push({
          kind: 'inspection',
          date: entry.published,
          inspectionId: entry.id,
          inspectionKind: entry.kind,
          onSite: { start: entry.inspectionStart, end: entry.inspectionEnd },
          overall: entry.judgements.overall ?? null,
        });
      }
      for (const letter of story.letters) {
        entries.push({
          kind: 'letter',
          date: letter.published,
          letterId: letter.id,
          letterKind: letter.kind,
          focus: letter.focus,
          priorityActions: letter.priorityActions.length,
        });
      }
      const deadlines = [...(story.next?.deadlines ?? []), ...(story.visitsDone?.priorityActions?.deadlines ?? [])];
      for (const deadline of deadlines)
        entries.push({ kind: 'deadline', date: deadline.due, name: deadline.name, status: deadline.status });
      if (story.next) {
        const window = story.next.nominalWindow;
        entries.push({
          kind: 'next-inspection',
          date: window.from,
          to: window.to,
          inspectionKind: story.next.inspection.kind,
          basis: window.basis,
          windowStatus: window.status,
        });
      }
      const includesPlans = actor !== null && canReadCouncil(actor, urn);
      if (includesPlans)
        entries.push(...(await dependencies.planEvents(actor, urn)).filter((entry) => entry.date <= asAt));
      entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ORDER[a.kind] - ORDER[b.kind]));
      return { urn, councilName: story.council.name, asAt: story.asAt, includesPlans, entries };
    },
  };
}
