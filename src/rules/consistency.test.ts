import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkJudgementConsistency } from './consistency.ts';

const rules = (findings: { rule: string }[]) => findings.map((finding) => finding.rule);

describe('consistency between judgements', () => {
  test('Derby SIF 2017 (good overall, help and protection requires improvement, leadership good): nothing to flag', () => {
    assert.deepEqual(
      checkJudgementConsistency('SIF', {
        overall: 'good',
        helpAndProtection: 'requires_improvement',
        childrenInCare: 'good',
        leadership: 'good',
        lscb: 'outstanding',
      }),
      [],
    );
  });
  test('SIF: an inadequate key judgement with a better overall grade is flagged', () => {
    const findings = checkJudgementConsistency('SIF', {
      overall: 'requires_improvement',
      helpAndProtection: 'inadequate',
      childrenInCare: 'requires_improvement',
      leadership: 'requires_improvement',
    });
    assert.deepEqual(rules(findings), ['sif-inadequate-key-judgement-limits-overall']);
    assert.equal(findings[0]!.severity, 'warning');
    assert.match(findings[0]!.reason, /Help and protection is inadequate/);
    assert.equal(findings[0]!.evidence.nature, 'estimate');
  });
  test('SIF: an inadequate sub-judgement (adoption, care leavers) does not force the overall grade', () => {
    assert.deepEqual(
      checkJudgementConsistency('SIF', {
        overall: 'requires_improvement',
        helpAndProtection: 'requires_improvement',
        childrenInCare: 'requires_improvement',
        leadership: 'requires_improvement',
        adoption: 'inadequate',
        careLeavers: 'inadequate',
      }),
      [],
    );
  });
  test('SIF: overall above leadership, or two grades above help and protection, is flagged', () => {
    assert.deepEqual(
      rules(
        checkJudgementConsistency('SIF', {
          overall: 'good',
          leadership: 'requires_improvement',
          helpAndProtection: 'good',
          childrenInCare: 'good',
        }),
      ),
      ['sif-overall-not-above-leadership'],
    );
    assert.deepEqual(
      rules(
        checkJudgementConsistency('SIF', {
          overall: 'outstanding',
          leadership: 'outstanding',
          helpAndProtection: 'requires_improvement',
          childrenInCare: 'outstanding',
        }),
      ),
      ['sif-overall-at-most-one-above-help-and-protection'],
    );
  });
  test('ILACS: Doncaster 2022 (leaders inadequate, overall requires improvement) is a rare case, noted not warned', () => {
    const findings = checkJudgementConsistency('ILACS-2018', {
      overall: 'requires_improvement',
      leadership: 'inadequate',
      helpAndProtection: 'requires_improvement',
      childrenInCare: 'requires_improvement',
    });
    assert.deepEqual(
      findings.map((finding) => [finding.rule, finding.severity]),
      [['ilacs-inadequate-leadership-limits-overall', 'note']],
    );
  });
  test('ILACS: an inadequate practice judgement with a better overall grade is flagged, one finding per judgement', () => {
    const findings = checkJudgementConsistency('ILACS-2023', {
      overall: 'good',
      leadership: 'good',
      helpAndProtection: 'good',
      childrenInCare: 'good',
      careLeavers: 'inadequate',
    });
    assert.deepEqual(rules(findings), ['ilacs-inadequate-practice-judgement-limits-overall']);
    assert.deepEqual(findings[0]!.areas, ['careLeavers', 'overall']);
  });
  test('ILACS: outstanding overall with a judgement below good, and overall above leaders, are flagged', () => {
    assert.deepEqual(
      rules(
        checkJudgementConsistency('ILACS-2023', {
          overall: 'outstanding',
          leadership: 'outstanding',
          helpAndProtection: 'requires_improvement',
          childrenInCare: 'outstanding',
          careLeavers: 'good',
        }),
      ),
      ['ilacs-outstanding-needs-all-good'],
    );
    assert.deepEqual(
      rules(
        checkJudgementConsistency('ILACS-2018', {
          overall: 'good',
          leadership: 'requires_improvement',
          helpAndProtection: 'good',
          childrenInCare: 'good',
        }),
      ),
      ['ilacs-overall-not-above-leadership'],
    );
  });
  test('ILACS: overall may exceed help and protection (55 cases in the reports)', () => {
    assert.deepEqual(
      checkJudgementConsistency('ILACS-2023', {
        overall: 'outstanding',
        leadership: 'outstanding',
        helpAndProtection: 'good',
        childrenInCare: 'outstanding',
        careLeavers: 'good',
      }),
      [],
    );
  });
  test('a grade for an area the version does not judge is flagged; nothing else is checked without an overall grade', () => {
    assert.deepEqual(
      rules(
        checkJudgementConsistency('ILACS-2026', {
          overall: 'good',
          leadership: 'inadequate',
          helpAndProtection: 'good',
          childrenInCare: 'good',
          careLeavers: 'good',
        }),
      ),
      ['area-not-graded-by-version'],
    );
    assert.deepEqual(
      rules(
        checkJudgementConsistency('ILACS-2018', {
          overall: 'good',
          leadership: 'good',
          helpAndProtection: 'good',
          childrenInCare: 'good',
          careLeavers: 'good',
        }),
      ),
      ['area-not-graded-by-version'],
    );
  });
  test('findings never change the grades', () => {
    const judgements = {
      overall: 'good',
      leadership: 'inadequate',
      helpAndProtection: 'good',
      childrenInCare: 'good',
    } as const;
    const copy = { ...judgements };
    checkJudgementConsistency('ILACS-2018', judgements);
    assert.deepEqual(judgements, copy);
  });
});
