/**
 * A few reports written for the tests in the shape the reader gives (not copied from any report):
 * two councils of one region (East Midlands), with histories that
 * improve and decline, and one report whose grades break a consistency rule.
 */
import type { ReportFixture } from './services-with-reports.ts';

const base = { leadInspector: 'Alex Example', lscbRecommendations: [] as string[], warnings: [] };

export const DERBY_URN = '80459';
export const NOTTINGHAM_URN = '80533';

export const REPORT_FIXTURES: readonly ReportFixture[] = [
  {
    ...base,
    path: `${DERBY_URN}-derby/2017-06-13.pdf`,
    framework: 'SIF',
    version: 'SIF',
    kind: 'sif',
    localAuthority: 'Derby',
    inspectionStart: '2017-03-06',
    inspectionEnd: '2017-03-30',
    published: '2017-06-13',
    judgements: {
      overall: 'requires_improvement',
      helpAndProtection: 'requires_improvement',
      childrenInCare: 'good',
      adoption: 'good',
      careLeavers: 'requires_improvement',
      leadership: 'requires_improvement',
      lscb: 'good',
    },
    recommendations: [
      'Make sure that plans for children in need say what will change and by when.',
      'Improve the timeliness of return home interviews.',
    ],
    lscbRecommendations: ['Check that partners attend strategy meetings.', 'The board meets its statutory duties.'],
    // What the reader says of the second LSCB item, which reads as a finding.
    warnings: [
      {
        code: 'lscb-item-not-about-board',
        message:
          'LSCB recommendation 2 reads as a finding, not a recommendation to the board: "The board meets its statutory duties.".',
      },
    ],
  },
  {
    ...base,
    path: `${DERBY_URN}-derby/2021-03-01.pdf`,
    framework: 'ILACS',
    version: 'ILACS-2018',
    kind: 'ilacs-standard',
    localAuthority: 'Derby',
    inspectionStart: '2020-11-02',
    inspectionEnd: '2020-11-13',
    published: null,
    judgements: { overall: 'good', leadership: 'good', helpAndProtection: 'good', childrenInCare: 'outstanding' },
    recommendations: ['The quality of supervision of social workers, so that it challenges and guides practice.'],
  },
  {
    ...base,
    path: `${NOTTINGHAM_URN}-nottingham/2019-07-01.pdf`,
    framework: 'ILACS',
    version: 'ILACS-2018',
    kind: 'ilacs-standard',
    localAuthority: 'Nottingham',
    inspectionStart: '2019-04-29',
    inspectionEnd: '2019-05-10',
    published: null,
    judgements: {
      overall: 'requires_improvement',
      leadership: 'requires_improvement',
      helpAndProtection: 'requires_improvement',
      childrenInCare: 'good',
    },
    recommendations: ['Management oversight of work with children at risk of exploitation.'],
  },
  {
    ...base,
    path: `${NOTTINGHAM_URN}-nottingham/2024-02-20.pdf`,
    framework: 'ILACS',
    version: 'ILACS-2023',
    kind: 'ilacs-standard',
    localAuthority: 'Nottingham',
    inspectionStart: '2023-12-04',
    inspectionEnd: '2023-12-15',
    published: null,
    leadInspector: 'Sam Sample; Jo Placeholder',
    judgements: {
      overall: 'good',
      leadership: 'good',
      helpAndProtection: 'inadequate',
      childrenInCare: 'good',
      careLeavers: 'good',
    },
    recommendations: [
      'Help for care leavers to find suitable homes.',
      'The response to children who go missing from home.',
    ],
  },
];
