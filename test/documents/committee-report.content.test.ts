import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureCommitteeReport } from './committee-report.fixture.ts';
import { runText, SectionBuilder, type Block } from '../../src/documents/paper-content.ts';
import {
  committeeReportContent,
  gradeAgainstPrevious,
} from '../../src/documents/committee-report/committee-report.content.ts';
import type { CommitteeReportData } from '../../src/documents/committee-report/committee-report.data.ts';

const paragraphsOf = (data: CommitteeReportData, id: string): string[] =>
  (committeeReportContent(data).sections.find((section) => section.id === id)?.blocks ?? []).flatMap((block: Block) =>
    block.kind === 'paragraph' ? [block.runs.map(runText).join('')] : [],
  );

test('a judgement reads with the previous grade and its year in brackets, or alone when there is none', () => {
  assert.equal(
    gradeAgainstPrevious({
      area: 'helpAndProtection',
      wording: 'x',
      grade: 'requires_improvement',
      previous: { grade: 'inadequate', year: 2015, published: '2015-09-01' },
    }),
    'Requires improvement to be good (Inadequate at 2015 inspection)',
  );
  assert.equal(gradeAgainstPrevious({ area: 'careLeavers', wording: 'x', grade: 'good', previous: null }), 'Good');
});

test('paragraphs are numbered within numbered sections, and the contents is not numbered', () => {
  const sections = new SectionBuilder()
    .section('contents', 'Contents', { numbered: false })
    .section('a', 'A')
    .paragraph('one')
    .text('lead')
    .paragraph('two')
    .section('b', 'B')
    .paragraph('three')
    .build();
  assert.deepEqual(
    sections.map((section) => section.number),
    [null, '1', '2'],
  );
  assert.deepEqual(
    sections[1]?.blocks.map((block) => (block.kind === 'paragraph' ? block.number : block.kind)),
    ['1.1', null, '1.2'],
  );
  assert.deepEqual(
    sections[2]?.blocks.map((block) => (block.kind === 'paragraph' ? block.number : block.kind)),
    ['2.1'],
  );
});

test('the region sentence says "the only one" when no other council shares the grade, and counts those judged better', () => {
  const only: CommitteeReportData = {
    ...fixtureCommitteeReport,
    comparison: {
      ...fixtureCommitteeReport.comparison,
      region: {
        name: 'North East',
        places: [
          {
            area: 'overall',
            grade: 'good',
            included: 12,
            members: 12,
            counts: { outstanding: 2, good: 1, requires_improvement: 6, inadequate: 3 },
            sameOrBetter: 3,
            rank: 3,
          },
        ],
      },
    },
  };
  assert.ok(
    paragraphsOf(only, 'comparison').includes(
      'Wexham is the only one of the 12 councils in the North East with a grade to be judged good; 2 were judged better.',
    ),
  );
  assert.ok(
    paragraphsOf(fixtureCommitteeReport, 'comparison').includes(
      'Wexham is one of 5 of the 12 councils in the North East with a grade to be judged requires improvement to be good; 5 were judged better.',
    ),
  );
});

test('the national sentence gives whole percentages of the councils included, and how many councils existed', () => {
  assert.equal(
    paragraphsOf(fixtureCommitteeReport, 'comparison')[0],
    'At 21 May 2018, the publication date, 148 of the 152 councils in England had a grade for overall effectiveness under the single inspection framework (SIF) in the reports held: 3 (2%) outstanding, 54 (36%) good, 63 (43%) requires improvement to be good and 28 (19%) inadequate.',
  );
});

test('no recommendations and no deadlines are said plainly, and an ILACS 2026 report leads with the impact of leaders', () => {
  const bare: CommitteeReportData = {
    ...fixtureCommitteeReport,
    inspection: {
      ...fixtureCommitteeReport.inspection,
      framework: 'ILACS',
      version: 'ILACS-2026',
      kind: 'ilacs-short',
    },
    judgements: [
      {
        area: 'leadership',
        wording: 'The impact of leaders on social work practice with children and families',
        grade: 'good',
        previous: null,
      },
    ],
    recommendations: [],
    lscbRecommendations: [],
    deadlines: [],
    next: [],
  };
  assert.ok(
    paragraphsOf(bare, 'summary')[0]?.startsWith(
      'This framework makes no overall effectiveness judgement. Ofsted judged the impact of leaders to be Good',
    ),
  );
  assert.ok(paragraphsOf(bare, 'summary').includes('Ofsted made no recommendations to the council.'));
  assert.deepEqual(paragraphsOf(bare, 'deadlines'), ['No statutory deadline runs from this report.']);
  assert.deepEqual(paragraphsOf(bare, 'ofsted-recommendations'), [
    'The report lists no recommendations to the council.',
  ]);
});
