/**
 * Statutory deadlines after an inspection, each with its legal basis in words and in data. Counted
 * in working days where day 1 is the first working day after the anchor date (DOMAIN.md §3.1). Pure.
 */
import { addWorkingDays, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import type { Evidence } from './evidence.ts';

export interface LegalBasis {
  /** Short citation, e.g. "SI 2007/462 reg 3". */
  readonly citation: string;
  readonly instrument: string;
  readonly provision: string;
  /** What the provision requires, paraphrased. */
  readonly requirement: string;
  readonly url: string | null;
  readonly evidence: Evidence;
}

export const DEADLINE_IDS = [
  'written-statement-of-action',
  'council-publishes-report',
  'priority-action-plan-draft',
  'priority-action-plan-final',
] as const;
export type DeadlineId = (typeof DEADLINE_IDS)[number];

export interface Deadline {
  readonly id: DeadlineId;
  readonly name: string;
  /** The event the clock runs from. */
  readonly from: 'publication' | 'receipt' | 'letter';
  readonly anchor: IsoDate;
  readonly workingDays: number;
  readonly due: IsoDate;
  readonly legalBasis: LegalBasis;
  readonly note: string | null;
}

const SI_2007_462 =
  'The Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007 (SI 2007/462)';

export const LEGAL_BASES = {
  writtenStatement: {
    citation: 'EIA 2006 s.137(3)-(4); SI 2007/462 reg 3',
    instrument: `Education and Inspections Act 2006, s.137; ${SI_2007_462}`,
    provision: 'section 137(3)-(4); regulation 3',
    requirement:
      'A local authority that receives a report of an inspection under s.136 must prepare a written statement of the action it proposes to take and the period for it, and publish it (with copies to HMCI and the Secretary of State) within 70 working days of receiving the report.',
    url: 'https://www.legislation.gov.uk/ukpga/2006/40/section/137',
    evidence: {
      nature: 'rule',
      tags: ['OFF', 'MEM', 'SEC'],
      source:
        'Section 137 read on legislation.gov.uk; the 70 working days of regulation 3 rest on recollection, a council cabinet decision and an Ofsted spokesperson. The statute counts from receipt of the report; councils count from its publication.',
    },
  },
  councilPublication: {
    citation: 'SI 2007/462 reg 2',
    instrument: SI_2007_462,
    provision: 'regulation 2',
    requirement:
      'The local authority must publish the inspection report within 30 working days of receiving it: copies to its relevant partners, to at least one local newspaper and radio station, available free at its offices.',
    url: 'https://www.legislation.gov.uk/uksi/2007/462/regulation/2',
    evidence: { nature: 'rule', tags: ['OFF'], source: 'SI 2007/462 regulation 2, read on legislation.gov.uk.' },
  },
  priorityActionPlan: {
    citation: 'Ofsted ILACS practice (Aug 2018), in line with SI 2007/462',
    instrument: 'Ofsted ILACS framework: focused visits with areas for priority action',
    provision: 'areas for priority action',
    requirement:
      'After a focused visit letter that identifies areas for priority action, the local authority shares a draft action plan within 20 working days and submits the final plan within 70 working days of receiving the letter.',
    url: 'https://www.cypnow.co.uk/print_article/cyp/news/2005662/ofsted-to-require-struggling-councils-produce-urgent-action-plans?print=true',
    evidence: {
      nature: 'rule',
      tags: ['SEC'],
      source: 'An Ofsted spokesperson quoted by CYP Now, 16 August 2018; the framework text was not seen.',
    },
  },
} as const satisfies Record<string, LegalBasis>;

/** Working-day periods, in one place. */
export const WRITTEN_STATEMENT_WORKING_DAYS = 70;
export const COUNCIL_PUBLICATION_WORKING_DAYS = 30;
export const PRIORITY_ACTION_DRAFT_WORKING_DAYS = 20;
export const PRIORITY_ACTION_FINAL_WORKING_DAYS = 70;

export interface PublicationDeadlineOptions {
  /** When the council received the final report; taken as the publication date when not known. */
  readonly received?: IsoDate;
}

/** Every deadline that runs after the publication of a graded inspection report (SIF or ILACS), earliest first. */
export function deadlinesAfterPublication(published: IsoDate, options: PublicationDeadlineOptions = {}): Deadline[] {
  parseIsoDate(published, 'publication date');
  const received = options.received === undefined ? published : parseIsoDate(options.received, 'date of receipt');
  const receiptNote =
    options.received === undefined
      ? 'The regulation counts from receipt of the report; receipt is taken as the publication date (councils receive the final report at or just before publication, so the true deadline may be a day or two earlier).'
      : null;
  const deadlines: Deadline[] = [
    {
      id: 'council-publishes-report',
      name: 'The council publishes the report',
      from: 'receipt',
      anchor: received,
      workingDays: COUNCIL_PUBLICATION_WORKING_DAYS,
      due: addWorkingDays(received, COUNCIL_PUBLICATION_WORKING_DAYS),
      legalBasis: LEGAL_BASES.councilPublication,
      note: receiptNote,
    },
    {
      id: 'written-statement-of-action',
      name: 'Written statement of action (the action plan)',
      from: 'publication',
      anchor: published,
      workingDays: WRITTEN_STATEMENT_WORKING_DAYS,
      due: addWorkingDays(published, WRITTEN_STATEMENT_WORKING_DAYS),
      legalBasis: LEGAL_BASES.writtenStatement,
      note: 'Counted from publication, as councils count it; the statute counts from receipt of the report.',
    },
  ];
  return deadlines.sort((a, b) => a.due.localeCompare(b.due));
}

/** The action-plan deadlines after a focused-visit letter that names areas for priority action. */
export function deadlinesAfterPriorityActionLetter(letterReceived: IsoDate): Deadline[] {
  parseIsoDate(letterReceived, 'date of the focused visit letter');
  return [
    {
      id: 'priority-action-plan-draft',
      name: 'Draft action plan for the areas for priority action',
      from: 'letter',
      anchor: letterReceived,
      workingDays: PRIORITY_ACTION_DRAFT_WORKING_DAYS,
      due: addWorkingDays(letterReceived, PRIORITY_ACTION_DRAFT_WORKING_DAYS),
      legalBasis: LEGAL_BASES.priorityActionPlan,
      note: null,
    },
    {
      id: 'priority-action-plan-final',
      name: 'Final action plan for the areas for priority action',
      from: 'letter',
      anchor: letterReceived,
      workingDays: PRIORITY_ACTION_FINAL_WORKING_DAYS,
      due: addWorkingDays(letterReceived, PRIORITY_ACTION_FINAL_WORKING_DAYS),
      legalBasis: LEGAL_BASES.priorityActionPlan,
      note: null,
    },
  ];
}
