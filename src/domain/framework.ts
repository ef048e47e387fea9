import { z } from 'zod';

export const FRAMEWORKS = ['SIF', 'ILACS'] as const;
export const frameworkSchema = z.enum(FRAMEWORKS);
export type Framework = z.infer<typeof frameworkSchema>;

/**
 * Framework versions: SIF (2013-2018); ILACS-2018 (children in care and care leavers judged
 * together); ILACS-2023 (care leavers judged separately); ILACS-2026 (no overall effectiveness).
 */
export const FRAMEWORK_VERSIONS = ['SIF', 'ILACS-2018', 'ILACS-2023', 'ILACS-2026'] as const;
export const frameworkVersionSchema = z.enum(FRAMEWORK_VERSIONS);
export type FrameworkVersion = z.infer<typeof frameworkVersionSchema>;

export function frameworkOf(version: FrameworkVersion): Framework {
  return version === 'SIF' ? 'SIF' : 'ILACS';
}

/** Graded inspection kinds the reader produces, and the ungraded activities that come later. */
export const GRADED_INSPECTION_KINDS = [
  'sif',
  'sif-reinspection',
  'lscb-review',
  'ilacs-standard',
  'ilacs-short',
] as const;
export const INSPECTION_KINDS = [...GRADED_INSPECTION_KINDS, 'focused-visit', 'monitoring-visit', 'jtai'] as const;
export const inspectionKindSchema = z.enum(INSPECTION_KINDS);
export type InspectionKind = z.infer<typeof inspectionKindSchema>;
export type GradedInspectionKind = (typeof GRADED_INSPECTION_KINDS)[number];
/** Graded inspections of a council's children's services, the three-year cycle's steps (a standalone LSCB review is not one). */
export const COUNCIL_INSPECTION_KINDS = [
  'sif',
  'sif-reinspection',
  'ilacs-standard',
  'ilacs-short',
] as const satisfies readonly GradedInspectionKind[];
export type CouncilInspectionKind = (typeof COUNCIL_INSPECTION_KINDS)[number];

export function isCouncilInspectionKind(kind: string): kind is CouncilInspectionKind {
  return (COUNCIL_INSPECTION_KINDS as readonly string[]).includes(kind);
}

export const INSPECTION_KIND_LABELS: Readonly<Record<InspectionKind, string>> = {
  sif: 'Single inspection framework inspection',
  'sif-reinspection': 'Single inspection framework re-inspection',
  'lscb-review': 'Review of the Local Safeguarding Children Board',
  'ilacs-standard': 'ILACS standard inspection',
  'ilacs-short': 'ILACS short inspection',
  'focused-visit': 'Focused visit',
  'monitoring-visit': 'Monitoring visit',
  jtai: 'Joint targeted area inspection',
};
