/** Letters after ungraded visits (focused visits, monitoring visits, JTAIs): the letter contract of DESIGN.md. */
import { z } from 'zod';
import { isoDateSchema } from './inspection-report.ts';

export const LETTER_KINDS = ['focused-visit', 'monitoring-visit', 'jtai'] as const;
export const letterKindSchema = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof letterKindSchema>;

/** The themes Ofsted groups focused visits by (../shared/corpus-visits/README.md). */
export const VISIT_THEMES = [
  'front-door',
  'children-in-need-or-plan',
  'children-in-care',
  'care-leavers',
  'achieving-permanence',
  'vulnerable-adolescents',
  'disabled-children',
  'other',
] as const;
export const visitThemeSchema = z.enum(VISIT_THEMES);
export type VisitTheme = z.infer<typeof visitThemeSchema>;

export const VISIT_THEME_LABELS: Readonly<Record<VisitTheme, string>> = {
  'front-door': 'The front door',
  'children-in-need-or-plan': 'Children in need or on a plan',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  'achieving-permanence': 'Achieving permanence',
  'vulnerable-adolescents': 'Vulnerable adolescents',
  'disabled-children': 'Disabled children',
  other: 'Other or several areas',
};

/** Something the reader could not confirm in a letter: check it against the letter. */
export const letterWarningSchema = z.object({ code: z.string().min(1), message: z.string().min(1) });
export type LetterWarning = z.infer<typeof letterWarningSchema>;

export const visitLetterSchema = z.object({
  file: z.string(),
  kind: letterKindSchema,
  localAuthority: z.string().min(1),
  letterDate: isoDateSchema.nullable(),
  visitStart: isoDateSchema,
  visitEnd: isoDateSchema,
  published: isoDateSchema.nullable(),
  inspectors: z.array(z.string().min(1)),
  leadInspector: z.string().min(1).nullable(),
  /** What the visit looked at: the words after "arrangements for" (or the equivalent); null when the letter names none. */
  focus: z.string().min(1).nullable(),
  /** Focused visits only. */
  theme: visitThemeSchema.nullable(),
  covidContext: z.boolean(),
  /** The "What needs to improve" items. */
  recommendations: z.array(z.string().min(1)),
  /** "Areas for priority action": each starts the 20/70 working-day clock. */
  priorityActions: z.array(z.string().min(1)),
  warnings: z.array(letterWarningSchema),
});
export type VisitLetter = z.infer<typeof visitLetterSchema>;

export function isLetterKind(kind: string): kind is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(kind);
}
