import { z } from 'zod';
import type { FrameworkVersion } from './framework.ts';

/** Judgement areas, keyed as in DESIGN.md, in the order reports print them. */
export const JUDGEMENT_AREAS = [
  'overall',
  'leadership',
  'helpAndProtection',
  'childrenInCare',
  'careLeavers',
  'adoption',
  'lscb',
] as const;
export const judgementAreaSchema = z.enum(JUDGEMENT_AREAS);
export type JudgementArea = z.infer<typeof judgementAreaSchema>;

/** The snake_case column names used in CSV exports and the corpus labels. */
export const JUDGEMENT_AREA_COLUMNS: Readonly<Record<JudgementArea, string>> = {
  overall: 'overall',
  leadership: 'leadership',
  helpAndProtection: 'help_and_protection',
  childrenInCare: 'children_in_care',
  careLeavers: 'care_leavers',
  adoption: 'adoption',
  lscb: 'lscb',
};

/** Short names for tables and charts. */
export const JUDGEMENT_AREA_SHORT: Readonly<Record<JudgementArea, string>> = {
  overall: 'Overall effectiveness',
  leadership: 'Leadership',
  helpAndProtection: 'Help and protection',
  childrenInCare: 'Children in care',
  careLeavers: 'Care leavers',
  adoption: 'Adoption',
  lscb: 'LSCB',
};

/** The areas each framework version grades, and the wording its reports print for each. */
export const AREA_WORDING: Readonly<Record<FrameworkVersion, Partial<Record<JudgementArea, string>>>> = {
  SIF: {
    overall: 'Overall effectiveness',
    helpAndProtection: 'Children who need help and protection',
    childrenInCare: 'Children looked after and achieving permanence',
    adoption: 'Adoption performance',
    careLeavers: 'Experiences and progress of care leavers',
    leadership: 'Leadership, management and governance',
    lscb: 'The Local Safeguarding Children Board',
  },
  'ILACS-2018': {
    leadership: 'The impact of leaders on social work practice with children and families',
    helpAndProtection: 'The experiences and progress of children who need help and protection',
    childrenInCare: 'The experiences and progress of children in care and care leavers',
    overall: 'Overall effectiveness',
  },
  'ILACS-2023': {
    leadership: 'The impact of leaders on social work practice with children and families',
    helpAndProtection: 'The experiences and progress of children who need help and protection',
    childrenInCare: 'The experiences and progress of children in care',
    careLeavers: 'The experiences and progress of care leavers',
    overall: 'Overall effectiveness',
  },
  'ILACS-2026': {
    leadership: 'The impact of leaders on social work practice with children and families',
    helpAndProtection: 'The experiences and progress of children who need help and protection',
    childrenInCare: 'The experiences and progress of children in care',
    careLeavers: 'The experiences and progress of care leavers',
  },
};

export function areasGradedBy(version: FrameworkVersion): JudgementArea[] {
  return JUDGEMENT_AREAS.filter((area) => AREA_WORDING[version][area] !== undefined);
}
