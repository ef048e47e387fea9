/**
 * The post-inspection committee report, in words: from CommitteeReportData to the sections of a
 * council paper (purpose, summary, recommendations to the committee, judgements against the previous
 * inspection's, the national, regional and neighbour picture, Ofsted's recommendations quoted, the
 * statutory deadlines, what comes next, implications for the officer, background papers, licence). Pure.
 */
import { formatUkDate } from '../../calendar/index.ts';
import { GRADE_WORDING, INSPECTION_KIND_LABELS, JUDGEMENT_AREA_SHORT, type Grade } from '../../domain/index.ts';
import { SectionBuilder, type Inline, type PaperContent } from '../paper-content.ts';
import type { CommitteeReportData, GroupPlace, JudgementLine } from './committee-report.data.ts';

/** The standard headings of a council paper's implications section, left for the report author. */
export const IMPLICATION_HEADINGS = [
  'Financial implications',
  'Legal implications',
  'Equalities implications',
  'Human resources and workforce implications',
  'Risk management',
  'Health and wellbeing implications',
  'Climate and environmental implications',
  'Consultation',
] as const;

export const TO_COMPLETE = '[To be completed by the report author.]';

const day = (iso: string) => formatUkDate(iso);
const weekdayDate = (iso: string) => formatUkDate(iso, { withWeekday: true });
const lower = (grade: Grade) => GRADE_WORDING[grade].toLowerCase();

function onSite(start: string, end: string): string {
  return start === end ? day(start) : `${day(start)} to ${day(end)}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A whole percentage from the counts (rounding the one-decimal figure again could be off by one). */
function wholePercent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}

/** "11 recommendations", "1 recommendation", "no recommendations". */
function recommendations(n: number): string {
  return n === 0 ? 'no recommendations' : count(n, 'recommendation');
}

/** How the clock of a deadline is counted, in the committee's terms. */
function countingNote(from: 'publication' | 'receipt' | 'letter', hasNote: boolean): string {
  if (!hasNote) return '';
  if (from === 'publication')
    return ' The regulation counts from receipt of the report; councils count from publication, as here.';
  if (from === 'receipt')
    return ' Receipt is taken as the publication date, so the true deadline may be a day or two earlier.';
  return '';
}

/** "Requires improvement to be good (Inadequate at 2015 inspection)". */
export function gradeAgainstPrevious(line: JudgementLine): string {
  const now = GRADE_WORDING[line.grade];
  return line.previous ? `${now} (${GRADE_WORDING[line.previous.grade]} at ${line.previous.year} inspection)` : now;
}

/** The area whose grade the headline figures use: overall effectiveness, else (ILACS 2026) the impact of leaders. */
function headlineArea(data: CommitteeReportData): JudgementLine | undefined {
  return (
    data.judgements.find((line) => line.area === 'overall') ??
    data.judgements.find((line) => line.area === 'leadership') ??
    data.judgements[0]
  );
}

function framed(data: CommitteeReportData): string {
  return data.comparison.framework === 'SIF'
    ? 'under the single inspection framework (SIF)'
    : 'under the ILACS framework';
}

/** "Wexham is one of 5 of the 12 councils in the North East with a grade to be judged ..." or "the only one of the 12 ...". */
function groupSentence(place: GroupPlace, who: string, where: string): string {
  const same = place.counts[place.grade];
  const grade = lower(place.grade);
  const subject = place.area === 'overall' ? '' : ` for ${JUDGEMENT_AREA_SHORT[place.area].toLowerCase()}`;
  const among = `${place.included} ${where} with a grade${subject}`;
  const share =
    same === 1
      ? `${who} is the only one of the ${among} to be judged ${grade}`
      : `${who} is one of ${same} of the ${among} to be judged ${grade}`;
  const better = place.sameOrBetter - same;
  const tail =
    place.grade === 'outstanding'
      ? ''
      : better === 0
        ? '; none was judged better'
        : `; ${count(better, 'was', 'were')} judged better`;
  return `${share}${tail}.`;
}

function nationalSentence(data: CommitteeReportData, line: JudgementLine): string {
  const national = data.comparison.national.find((entry) => entry.area === line.area);
  if (!national || national.included === 0) return `No national figures are held for ${day(data.comparison.asAt)}.`;
  const grades = (['outstanding', 'good', 'requires_improvement', 'inadequate'] as const).map(
    (grade) =>
      `${national.counts[grade]} (${wholePercent(national.counts[grade], national.included)}%) ${lower(grade)}`,
  );
  const subject = line.area === 'overall' ? 'overall effectiveness' : JUDGEMENT_AREA_SHORT[line.area].toLowerCase();
  return `At ${day(data.comparison.asAt)}, the publication date, ${national.included} of the ${data.comparison.councilsExisting} councils in England had a grade for ${subject} ${framed(data)} in the reports held: ${grades.slice(0, -1).join(', ')} and ${grades.at(-1)}.`;
}

export function committeeReportContent(data: CommitteeReportData): PaperContent {
  const { council, inspection } = data;
  const kind = INSPECTION_KIND_LABELS[inspection.kind];
  const headline = headlineArea(data);
  const overall = data.judgements.find((line) => line.area === 'overall');
  const actionPlan = data.deadlines.find((deadline) => /action plan/i.test(deadline.name));
  const lscbJudged = data.judgements.some((line) => line.area === 'lscb');
  const regionPlace = headline
    ? data.comparison.region?.places.find((place) => place.area === headline.area)
    : undefined;
  const neighbourPlace = headline
    ? data.comparison.neighbours?.places.find((place) => place.area === headline.area)
    : undefined;
  const b = new SectionBuilder();

  b.section('contents', 'Contents', { numbered: false });

  b.section('purpose', 'Purpose of the report').paragraph(
    `To inform the committee of the findings of Ofsted's ${kind.charAt(0).toLowerCase()}${kind.slice(1)} of ${council.name}'s children's services, which took place on site from ${onSite(inspection.inspectionStart, inspection.inspectionEnd)}, and whose report was published on ${weekdayDate(inspection.published)}.`,
  );
  b.paragraph(
    'To set out what follows from it: the recommendations the council must respond to, the statutory deadlines, and the inspections and visits to expect next.',
  );

  b.section('summary', 'Summary');
  if (overall)
    b.paragraph(
      `Ofsted judged the overall effectiveness of ${council.name}'s children's services to be `,
      { text: gradeAgainstPrevious(overall), bold: true },
      '.',
    );
  else if (headline)
    b.paragraph(
      `This framework makes no overall effectiveness judgement. Ofsted judged the impact of leaders to be `,
      { text: gradeAgainstPrevious(headline), bold: true },
      '; section 4 gives every judgement.',
    );
  b.paragraph(
    `Ofsted made ${recommendations(data.recommendations.length)} to the council${lscbJudged ? ` and ${recommendations(data.lscbRecommendations.length)} to the Local Safeguarding Children Board` : ''}${data.recommendations.length + data.lscbRecommendations.length > 0 ? '; section 6 quotes them in full' : ''}.`,
  );
  if (actionPlan)
    b.paragraph(
      `The council must send its written statement of action (its action plan) to Ofsted and the Secretary of State by `,
      { text: weekdayDate(actionPlan.due), bold: true },
      ` (section 7).`,
    );
  if (headline) {
    const picture = [nationalSentence(data, headline)];
    if (regionPlace && data.comparison.region)
      picture.push(groupSentence(regionPlace, council.name, `councils in the ${data.comparison.region.name}`));
    b.paragraph(picture.join(' '));
  }

  b.section('recommendations-to-committee', 'Recommendations');
  b.text('The committee is recommended to:');
  b.list('bullet', [
    [
      `note the findings of the inspection, including the judgements and the recommendations Ofsted made (sections 4 to 6);`,
    ],
    [`note the national, regional and statistical neighbour picture (section 5);`],
    [
      actionPlan
        ? `note that the action plan must be submitted by ${weekdayDate(actionPlan.due)}, and the inspections and visits to expect next (sections 7 and 8);`
        : `note the inspections and visits to expect next (section 8);`,
    ],
    [
      `receive the action plan responding to the recommendations for approval when it is ready, and regular reports on progress against it.`,
    ],
  ]);

  b.section('judgements', 'The judgements');
  b.paragraph(
    `The inspection was a ${kind.charAt(0).toLowerCase()}${kind.slice(1)} (${inspection.version} framework)${inspection.leadInspector ? `, led by ${inspection.leadInspector}` : ''}. Ofsted uses four grades: outstanding, good, requires improvement to be good, and inadequate.`,
  );
  b.paragraph(
    data.judgements.some((line) => line.previous)
      ? 'Ofsted made these judgements, each with the grade at the council\u2019s previous inspection that judged the same area in brackets:'
      : 'Ofsted made these judgements (no earlier graded inspection of the council is on record to compare them with):',
  );
  b.list(
    'bullet',
    data.judgements.map((line) => [`${line.wording}: `, { text: gradeAgainstPrevious(line), bold: true }]),
  );
  b.table(
    'The judgements against the previous inspection',
    ['Judgement', 'Grade', 'At the previous inspection'],
    data.judgements.map((line) => [
      line.wording,
      GRADE_WORDING[line.grade],
      line.previous
        ? `${GRADE_WORDING[line.previous.grade]} (${line.previous.year}; published ${day(line.previous.published)})`
        : 'No earlier grade on record',
    ]),
    [46, 24, 30],
  );

  b.section('comparison', 'The national, regional and statistical neighbour picture');
  if (headline) b.paragraph(nationalSentence(data, headline));
  if (regionPlace && data.comparison.region)
    b.paragraph(groupSentence(regionPlace, council.name, `councils in the ${data.comparison.region.name}`));
  if (neighbourPlace && data.comparison.neighbours) {
    b.paragraph(
      groupSentence(
        neighbourPlace,
        council.name,
        `councils in its group of ${data.comparison.neighbours.names.length + 1} (itself and its statistical neighbours)`,
      ),
      ` Its statistical neighbours are ${data.comparison.neighbours.names.slice(0, -1).join(', ')}${data.comparison.neighbours.names.length > 1 ? ' and ' : ''}${data.comparison.neighbours.names.at(-1)}.`,
    );
  }
  b.table(
    `Councils in England by grade at ${day(data.comparison.asAt)}, ${framed(data)}`,
    ['Judgement', 'Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Councils included'],
    data.comparison.national.map((line) => [
      JUDGEMENT_AREA_SHORT[line.area],
      ...(['outstanding', 'good', 'requires_improvement', 'inadequate'] as const).map(
        (grade) => `${line.counts[grade]} (${wholePercent(line.counts[grade], line.included)}%)`,
      ),
      `${line.included} of ${data.comparison.councilsExisting}`,
    ]),
    [20, 17, 13, 18, 16, 16],
  );
  const placeRows = [
    ...(data.comparison.region?.places.map((place) => ({
      group: `${data.comparison.region?.name} (${place.members} councils)`,
      place,
    })) ?? []),
    ...(data.comparison.neighbours?.places.map((place) => ({
      group: `Statistical neighbours and ${council.name}`,
      place,
    })) ?? []),
  ];
  if (placeRows.length > 0) {
    b.table(
      `${council.name}'s place in its region and among its statistical neighbours at ${day(data.comparison.asAt)}`,
      ['Group', 'Judgement', 'Grade', 'Same grade', 'Same or better', 'With a grade', 'Place'],
      placeRows.map(({ group, place }) => [
        group,
        JUDGEMENT_AREA_SHORT[place.area],
        GRADE_WORDING[place.grade],
        String(place.counts[place.grade]),
        String(place.sameOrBetter),
        String(place.included),
        `${place.rank} of ${place.included}`,
      ]),
      [22, 16, 18, 11, 11, 11, 11],
    );
  }
  b.paragraph(
    `These figures count each council's latest inspection ${framed(data)} published by ${day(data.comparison.asAt)}, from the inspection reports held when this paper was written. A council with no such report held is not counted, which is why the number of councils included is given each time. Tied councils share a place.`,
  );

  b.section('ofsted-recommendations', "Ofsted's recommendations");
  if (data.recommendations.length > 0) {
    b.paragraph(
      `The report makes ${count(data.recommendations.length, 'recommendation')} to the council, quoted here in full in the report\u2019s order:`,
    );
    b.list(
      'numbered',
      data.recommendations.map((text) => [text]),
      { quoted: true },
    );
  } else b.paragraph('The report lists no recommendations to the council.');
  if (lscbJudged) {
    if (data.lscbRecommendations.length > 0) {
      b.paragraph(
        `The review of the Local Safeguarding Children Board makes ${count(data.lscbRecommendations.length, 'recommendation')}:`,
      );
      b.list(
        'numbered',
        data.lscbRecommendations.map((text) => [text]),
        { quoted: true },
      );
    } else b.paragraph('The review of the Local Safeguarding Children Board makes no recommendations.');
  }

  b.section('deadlines', 'Statutory deadlines');
  if (data.deadlines.length === 0) b.paragraph('No statutory deadline runs from this report.');
  for (const deadline of [...data.deadlines].sort(
    (a, bb) => (/action plan/i.test(bb.name) ? 1 : 0) - (/action plan/i.test(a.name) ? 1 : 0),
  )) {
    b.paragraph(
      { text: `${deadline.name}: due ${weekdayDate(deadline.due)}`, bold: true },
      `, ${deadline.workingDays} working days after ${deadline.from === 'publication' ? 'publication' : deadline.from === 'receipt' ? 'receipt of the report' : 'the letter'} on ${weekdayDate(deadline.anchor)}. ${deadline.requirement} Legal basis: ${deadline.instrument}.${countingNote(deadline.from, deadline.note !== null)}`,
    );
  }
  if (data.deadlines.length > 0) {
    b.table(
      'Statutory deadlines after publication',
      ['Deadline', 'Due', 'Counted from', 'Legal basis'],
      data.deadlines.map((deadline) => [
        deadline.name,
        weekdayDate(deadline.due),
        `${deadline.workingDays} working days from ${day(deadline.anchor)}`,
        deadline.citation,
      ]),
      [34, 22, 22, 22],
    );
  }

  b.section('next', 'What comes next');
  if (data.next.length === 0) b.paragraph('The framework rules give no next inspection for this report.');
  for (const item of data.next) {
    b.paragraph({ text: `${item.heading} (${item.nature}). `, bold: true }, item.lines.join(' '));
  }
  if (data.next.length > 0) {
    b.paragraph(
      `Each part is marked rule or estimate. A rule follows from legislation or the published framework; an estimate comes from the pattern of past inspections or secondary sources and may prove wrong. All of it is as at the publication date, ${day(inspection.published)}.`,
    );
  }

  b.section('implications', 'Implications');
  b.text('The report author completes this section under the council\u2019s standard headings.');
  for (const heading of IMPLICATION_HEADINGS) {
    b.subheading(heading);
    b.paragraph(TO_COMPLETE);
  }

  b.section('background-papers', 'Background papers');
  const address: Inline = data.source.address
    ? { text: data.source.address, link: data.source.address }
    : { text: data.source.listingAddress, link: data.source.listingAddress };
  b.paragraph(
    `Ofsted, \u201c${data.source.title}\u201d, published ${day(inspection.published)}: `,
    address,
    data.source.address ? '.' : ` (Ofsted\u2019s reports site; search for ${council.name}).`,
  );

  b.section('source', 'Source and licence');
  b.paragraph(
    data.attribution.text,
    ' It is reused under the ',
    { text: data.attribution.licence, link: data.attribution.licenceUrl },
    '.',
  );
  b.paragraph(
    `This paper was drafted on ${day(data.preparedOn)} by csc-inspections from the published report and the other inspection reports it holds. Check the figures and complete the bracketed parts before it goes to the committee.`,
  );

  const keyRows: [string, string][] = [
    ['Report to', '[Committee and date of the meeting]'],
    ['Report of', '[Name and role of the report author]'],
    ['Council', `${council.name} (Ofsted URN ${council.urn})`],
    ['Inspection', `${kind} (${inspection.version} framework)`],
    ['On site', onSite(inspection.inspectionStart, inspection.inspectionEnd)],
    ['Report published', weekdayDate(inspection.published)],
  ];
  if (overall) keyRows.push(['Overall effectiveness', gradeAgainstPrevious(overall)]);
  if (actionPlan) keyRows.push(['Action plan due', weekdayDate(actionPlan.due)]);

  return {
    title: `Ofsted inspection of children's services: ${council.name}`,
    subtitle: `Findings, recommendations and next steps after the report published on ${day(inspection.published)}`,
    header: { council: council.name, date: day(data.preparedOn) },
    keyFacts: { caption: 'Key facts', rows: keyRows },
    sections: b.build(),
    meta: {
      subject: `${kind}, published ${day(inspection.published)}`,
      description: `Committee report on Ofsted's inspection of ${council.name}'s children's services`,
      keywords: `Ofsted; children's services; ${council.name}; committee report`,
    },
  };
}
