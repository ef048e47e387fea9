/**
 * Consistency rules between the judgements of one report. They flag a suspicious set of grades
 * with a reason; they never change a grade. All are empirical regularities over the published
 * reports (DOMAIN.md §1.4, §2.6): the framework wording that would make them rules was not seen.
 * Pure.
 */
import {
  areasGradedBy,
  compareGrades,
  GRADE_SHORT,
  JUDGEMENT_AREA_SHORT,
  type FrameworkVersion,
  type Grade,
  type JudgementArea,
  type Judgements,
} from '../domain/index.ts';
import type { Evidence } from './evidence.ts';

export interface ConsistencyFinding {
  readonly rule: string;
  /** `warning`: never seen in the published reports; `note`: seen, but rarely. */
  readonly severity: 'warning' | 'note';
  readonly areas: readonly JudgementArea[];
  readonly reason: string;
  readonly evidence: Evidence;
}

const empirical = (source: string): Evidence => ({ nature: 'estimate', tags: ['EMP'], source });

function describe(area: JudgementArea, grade: Grade): string {
  return `${JUDGEMENT_AREA_SHORT[area]} is ${GRADE_SHORT[grade].toLowerCase()}`;
}

function present(judgements: Judgements, areas: readonly JudgementArea[]): [JudgementArea, Grade][] {
  return areas.flatMap((area) => (judgements[area] ? [[area, judgements[area]] as [JudgementArea, Grade]] : []));
}

/** Findings for one report's grades under its framework version; an empty list when nothing looks wrong. */
export function checkJudgementConsistency(version: FrameworkVersion, judgements: Judgements): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  const graded = areasGradedBy(version);
  for (const [area] of present(judgements, Object.keys(judgements) as JudgementArea[])) {
    if (!graded.includes(area)) {
      findings.push({
        rule: 'area-not-graded-by-version',
        severity: 'warning',
        areas: [area],
        reason: `${version} does not grade "${JUDGEMENT_AREA_SHORT[area]}", but the report has a grade for it.`,
        evidence: {
          nature: 'rule',
          tags: ['OFF', 'REP'],
          source: 'The judgement structure of each framework version, in the frameworks and the reports.',
        },
      });
    }
  }
  const overall = judgements.overall;
  if (!overall || version === 'ILACS-2026') return findings;
  const above = (grade: Grade) => compareGrades(overall, grade) > 0;

  if (version === 'SIF') {
    for (const [area, grade] of present(judgements, ['helpAndProtection', 'childrenInCare', 'leadership'])) {
      if (grade === 'inadequate' && overall !== 'inadequate') {
        findings.push({
          rule: 'sif-inadequate-key-judgement-limits-overall',
          severity: 'warning',
          areas: [area, 'overall'],
          reason: `${describe(area, grade)} but overall effectiveness is ${GRADE_SHORT[overall].toLowerCase()}: in SIF reports an inadequate key judgement always went with an inadequate overall judgement.`,
          evidence: empirical(
            'No exception in 120 SIF reports: help and protection 26/26, looked after 14/14, leadership 25/25.',
          ),
        });
      }
    }
    if (judgements.leadership && above(judgements.leadership)) {
      findings.push({
        rule: 'sif-overall-not-above-leadership',
        severity: 'warning',
        areas: ['overall', 'leadership'],
        reason: `Overall effectiveness (${GRADE_SHORT[overall].toLowerCase()}) is above leadership, management and governance (${GRADE_SHORT[judgements.leadership].toLowerCase()}): never seen in SIF reports.`,
        evidence: empirical('0 exceptions in 135 SIF reports; Community Care found the same (20 Dec 2017).'),
      });
    }
    if (judgements.helpAndProtection && compareGrades(overall, judgements.helpAndProtection) > 1) {
      findings.push({
        rule: 'sif-overall-at-most-one-above-help-and-protection',
        severity: 'warning',
        areas: ['overall', 'helpAndProtection'],
        reason: `Overall effectiveness (${GRADE_SHORT[overall].toLowerCase()}) is more than one grade above help and protection (${GRADE_SHORT[judgements.helpAndProtection].toLowerCase()}).`,
        evidence: empirical(
          'Overall was at most one grade above help and protection in SIF reports (e.g. Derby 2017: good overall, help and protection requires improvement).',
        ),
      });
    }
    return findings;
  }

  // ILACS-2018 and ILACS-2023
  for (const [area, grade] of present(judgements, ['helpAndProtection', 'childrenInCare', 'careLeavers'])) {
    if (grade === 'inadequate' && overall !== 'inadequate') {
      findings.push({
        rule: 'ilacs-inadequate-practice-judgement-limits-overall',
        severity: 'warning',
        areas: [area, 'overall'],
        reason: `${describe(area, grade)} but overall effectiveness is ${GRADE_SHORT[overall].toLowerCase()}: in ILACS reports an inadequate practice judgement always went with an inadequate overall judgement.`,
        evidence: empirical(
          'No exception in 310 ILACS reports: help and protection 26/26, children in care 13/13 and 5/5, care leavers 7/7.',
        ),
      });
    }
  }
  const leadership = judgements.leadership;
  if (leadership === 'inadequate' && overall !== 'inadequate') {
    const seen = overall === 'requires_improvement';
    findings.push({
      rule: 'ilacs-inadequate-leadership-limits-overall',
      severity: seen ? 'note' : 'warning',
      areas: ['leadership', 'overall'],
      reason: seen
        ? 'The impact of leaders is inadequate but overall effectiveness requires improvement: rare (3 of 28 reports, e.g. Doncaster 2022, Slough 2023), so worth a second look.'
        : `The impact of leaders is inadequate but overall effectiveness is ${GRADE_SHORT[overall].toLowerCase()}: never seen (with inadequate leaders, overall was inadequate in 25 of 28 reports and requires improvement in the rest).`,
      evidence: empirical('Leaders inadequate: overall inadequate 25/28, requires improvement 3/28.'),
    });
  } else if (leadership && above(leadership)) {
    findings.push({
      rule: 'ilacs-overall-not-above-leadership',
      severity: 'warning',
      areas: ['overall', 'leadership'],
      reason: `Overall effectiveness (${GRADE_SHORT[overall].toLowerCase()}) is above the impact of leaders (${GRADE_SHORT[leadership].toLowerCase()}): never seen in ILACS reports.`,
      evidence: empirical(
        'Apart from the 3 inadequate-leaders exceptions, overall was never above leaders in 310 ILACS reports.',
      ),
    });
  }
  if (overall === 'outstanding') {
    // Inadequate practice judgements and leadership below overall are flagged above; this catches the rest.
    const below = present(judgements, ['helpAndProtection', 'childrenInCare', 'careLeavers']).filter(
      ([, grade]) => grade === 'requires_improvement',
    );
    if (below.length > 0) {
      findings.push({
        rule: 'ilacs-outstanding-needs-all-good',
        severity: 'warning',
        areas: ['overall', ...below.map(([area]) => area)],
        reason: `Overall effectiveness is outstanding but ${below.map(([area, grade]) => describe(area, grade)).join(' and ')}: outstanding overall never came with a judgement below good.`,
        evidence: empirical('Over 310 ILACS reports with an overall grade.'),
      });
    }
  }
  return findings;
}
