/**
 * A fixed committee report for tests: an invented council with a SIF re-inspection after an
 * inadequate one, written in the shape of the reports (the recommendations are written for the
 * tests, not taken from any report).
 */
import type { CommitteeReportData } from '../../src/documents/index.ts';

export const FIXTURE_RECOMMENDATIONS = [
  'Make sure that assessments of children who need help are completed within timescales that match each child\u2019s needs, and that they take account of family history.',
  'Strengthen management oversight of plans for children in need, so that actions are specific and progress is reviewed without drift.',
  'Improve the timeliness of return home interviews for children who go missing, and use what they say to plan their support.',
  'Ensure that care leavers know their entitlements, including to health histories and to help with housing, before they turn 18.',
];

export const FIXTURE_LSCB_RECOMMENDATIONS = [
  'Evaluate the impact of multi-agency training on frontline practice and report it to the board.',
];

const counts = (outstanding: number, good: number, requires_improvement: number, inadequate: number) => ({
  outstanding,
  good,
  requires_improvement,
  inadequate,
});
const percentages = (values: ReturnType<typeof counts>) => {
  const total = values.outstanding + values.good + values.requires_improvement + values.inadequate;
  const of = (n: number) => Math.round((n * 1000) / total) / 10;
  return counts(of(values.outstanding), of(values.good), of(values.requires_improvement), of(values.inadequate));
};
const national = (
  area: CommitteeReportData['comparison']['national'][number]['area'],
  values: ReturnType<typeof counts>,
) => ({
  area,
  included: values.outstanding + values.good + values.requires_improvement + values.inadequate,
  counts: values,
  percentages: percentages(values),
});

export const fixtureCommitteeReport: CommitteeReportData = {
  council: { urn: '99901', name: 'Wexham', regionName: 'North East' },
  preparedOn: '2018-06-04',
  inspection: {
    id: 7,
    framework: 'SIF',
    version: 'SIF',
    kind: 'sif-reinspection',
    inspectionStart: '2018-02-26',
    inspectionEnd: '2018-03-22',
    published: '2018-05-21',
    leadInspector: 'A Inspector',
  },
  judgements: [
    {
      area: 'overall',
      wording: 'Overall effectiveness',
      grade: 'requires_improvement',
      previous: { grade: 'inadequate', year: 2015, published: '2015-09-01' },
    },
    {
      area: 'helpAndProtection',
      wording: 'Children who need help and protection',
      grade: 'requires_improvement',
      previous: { grade: 'inadequate', year: 2015, published: '2015-09-01' },
    },
    {
      area: 'childrenInCare',
      wording: 'Children looked after and achieving permanence',
      grade: 'requires_improvement',
      previous: { grade: 'requires_improvement', year: 2015, published: '2015-09-01' },
    },
    {
      area: 'adoption',
      wording: 'Adoption performance',
      grade: 'good',
      previous: { grade: 'good', year: 2015, published: '2015-09-01' },
    },
    { area: 'careLeavers', wording: 'Experiences and progress of care leavers', grade: 'good', previous: null },
    {
      area: 'leadership',
      wording: 'Leadership, management and governance',
      grade: 'requires_improvement',
      previous: { grade: 'inadequate', year: 2015, published: '2015-09-01' },
    },
    {
      area: 'lscb',
      wording: 'The Local Safeguarding Children Board',
      grade: 'good',
      previous: { grade: 'requires_improvement', year: 2015, published: '2015-09-01' },
    },
  ],
  recommendations: FIXTURE_RECOMMENDATIONS,
  lscbRecommendations: FIXTURE_LSCB_RECOMMENDATIONS,
  deadlines: [
    {
      name: 'The council publishes the report',
      due: '2018-07-03',
      workingDays: 30,
      from: 'receipt',
      anchor: '2018-05-21',
      citation: 'SI 2007/462 reg 2',
      instrument:
        'The Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007 (SI 2007/462)',
      requirement: 'The council publishes the report within 30 working days of receiving it.',
      url: null,
      note: null,
    },
    {
      name: 'Written statement of action (the action plan)',
      due: '2018-08-30',
      workingDays: 70,
      from: 'publication',
      anchor: '2018-05-21',
      citation: 'EIA 2006 s.137(3)-(4); SI 2007/462 reg 3',
      instrument: 'Education and Inspections Act 2006, s.137',
      requirement: 'The council prepares and publishes a written statement of the action it proposes to take.',
      url: 'https://www.legislation.gov.uk/ukpga/2006/40/section/137',
      note: 'Counted from publication.',
    },
  ],
  comparison: {
    asAt: '2018-05-21',
    framework: 'SIF',
    councilsExisting: 152,
    national: [
      national('overall', counts(3, 54, 63, 28)),
      national('helpAndProtection', counts(1, 40, 77, 30)),
      national('childrenInCare', counts(2, 60, 66, 20)),
      national('adoption', counts(8, 90, 44, 6)),
      national('careLeavers', counts(3, 57, 67, 21)),
      national('leadership', counts(4, 56, 54, 34)),
      national('lscb', counts(2, 44, 82, 17)),
    ],
    region: {
      name: 'North East',
      places: [
        {
          area: 'overall',
          grade: 'requires_improvement',
          included: 12,
          members: 12,
          counts: counts(0, 5, 5, 2),
          sameOrBetter: 10,
          rank: 6,
        },
        {
          area: 'leadership',
          grade: 'requires_improvement',
          included: 12,
          members: 12,
          counts: counts(1, 4, 5, 2),
          sameOrBetter: 10,
          rank: 6,
        },
      ],
    },
    neighbours: {
      names: ['Hartlepool', 'Redcar and Cleveland', 'Stockton-on-Tees'],
      places: [
        {
          area: 'overall',
          grade: 'requires_improvement',
          included: 4,
          members: 4,
          counts: counts(0, 1, 2, 1),
          sameOrBetter: 3,
          rank: 2,
        },
      ],
    },
  },
  next: [
    {
      heading: 'The next graded inspection: ILACS standard inspection',
      nature: 'rule',
      lines: [
        'Overall effectiveness required improvement: the next graded inspection is a standard inspection (two weeks on site).',
        'Under the three-year cycle it falls between 26 August 2020 and 26 August 2021.',
      ],
      source: 'The framework as quoted by council guides.',
    },
    {
      heading: 'Visits to expect before it',
      nature: 'estimate',
      lines: ['At least one focused visit, usually two, before the standard inspection.'],
      source: 'Secondary sources.',
    },
  ],
  source: {
    title:
      'Re-inspection of services for children in need of help and protection, children looked after and care leavers: Wexham',
    address: 'https://files.example.org/report/7',
    listingAddress: 'https://reports.ofsted.gov.uk/',
  },
  attribution: {
    text: "The judgements, recommendations and dates of the inspection are taken from Ofsted's report, published on 21 May 2018. Ofsted reports are Crown copyright.",
    licence: 'Open Government Licence v3.0',
    licenceUrl: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
};
