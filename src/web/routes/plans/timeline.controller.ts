/**
 * GET /councils/:urn/timeline: inspection → plan → updates → visits → next inspection. Public parts
 * for everyone; the plan's events only for the council's people (decided in the timeline service).
 * Never kept in the public page cache, since what it shows depends on who asks; a signed-in person's
 * page is sent with no-store.
 */
import type { FastifyInstance } from 'fastify';
import { todayIso } from '../../../calendar/index.ts';
import { NotFoundError } from '../../../errors.ts';
import type { CouncilTimelineService, TimelineEntry } from '../../../services/council-timeline.service.ts';
import { kindLabel, kindShort, gradeWording, ukDate, ukDateRange } from '../../format.ts';
import { urnSchema } from '../council/council.controller.ts';
import { planPaths } from './plan-paths.ts';
import { paths } from '../../../paths.ts';

export interface TimelineRow {
  readonly date: string;
  readonly future: boolean;
  readonly heading: string;
  readonly text: string;
  readonly href: string | null;
  /** Only the council's people see it. */
  readonly private: boolean;
}

/** One timeline entry in words. */
export function timelineRow(entry: TimelineEntry, asAt: string): TimelineRow {
  const base = { date: entry.date, future: entry.date > asAt, private: entry.kind.startsWith('plan-') };
  switch (entry.kind) {
    case 'inspection':
      return {
        ...base,
        heading: `${kindLabel(entry.inspectionKind)} published`,
        text: `On site ${ukDateRange(entry.onSite.start, entry.onSite.end)}.${entry.overall ? ` Overall effectiveness: ${gradeWording(entry.overall)}.` : ''}`,
        href: paths.inspection(entry.inspectionId),
      };
    case 'letter':
      return {
        ...base,
        heading: `${kindShort(entry.letterKind)} letter published`,
        text: `${entry.focus ? `Focus: ${entry.focus}.` : 'No focus recorded.'}${entry.priorityActions > 0 ? ` ${entry.priorityActions} area${entry.priorityActions === 1 ? '' : 's'} for priority action.` : ''}`,
        href: paths.inspection(entry.letterId),
      };
    case 'deadline':
      return {
        ...base,
        heading: entry.name,
        text: entry.status === 'passed' ? 'Statutory deadline (passed).' : 'Statutory deadline (running).',
        href: null,
      };
    case 'next-inspection':
      return {
        ...base,
        heading: `Next graded inspection window: ${kindLabel(entry.inspectionKind)}`,
        text: `From ${ukDate(entry.date)} to ${ukDate(entry.to)}, ${entry.basis === 'rule' ? "by the framework's rules" : 'estimated'}.`,
        href: null,
      };
    case 'plan-created':
      return {
        ...base,
        heading: 'Improvement plan started',
        text: 'The council began its written statement of action.',
        href: planPaths.plan(entry.planId),
      };
    case 'plan-version':
      return {
        ...base,
        heading: `Plan version ${entry.version} submitted`,
        text: `Submitted by ${entry.by}.`,
        href: planPaths.versions(entry.planId),
      };
    case 'plan-update':
      return {
        ...base,
        heading: `Progress update: ${entry.actionTitle}`,
        text: `By ${entry.author}; the action is ${entry.status}.`,
        href: planPaths.action(entry.planId, entry.actionId),
      };
    case 'plan-sign-off':
      return {
        ...base,
        heading: 'Signed off',
        text: `${entry.by} signed off ${entry.what}.`,
        href: planPaths.plan(entry.planId),
      };
  }
}

export function registerTimelinePage(app: FastifyInstance, timelines: CouncilTimelineService): void {
  app.get<{ Params: { urn: string } }>('/councils/:urn/timeline', async (request, reply) => {
    const urn = urnSchema.safeParse(request.params.urn);
    if (!urn.success) throw new NotFoundError(`There is no council with the reference “${request.params.urn}”.`);
    const asAt = todayIso();
    const actor = request.actor ?? null;
    const timeline = await timelines.timeline(actor, urn.data, asAt);
    return reply.view('pages/plans/timeline.njk', {
      actor,
      timeline,
      rows: timeline.entries.map((entry) => timelineRow(entry, asAt)),
    });
  });
}
