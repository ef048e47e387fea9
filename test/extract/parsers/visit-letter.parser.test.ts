import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { visitLetterSchema } from '../../../src/domain/index.ts';
import { parseReportText } from '../../../src/extract/extract-report.ts';
import { themeOf } from '../../../src/extract/parsers/letters/focus.ts';
import { readInspectors, readVisitDates } from '../../../src/extract/parsers/letters/front-matter.ts';
import { parseVisitLetter, saysVisitWasInCovidContext } from '../../../src/extract/parsers/visit-letter.parser.ts';
import { ADDRESS, focusedVisit, letter, page } from '../../helpers/letter-text.ts';

describe('focused-visit letters', () => {
  test('every field of the contract from a letter in the usual shape', () => {
    const result = parseReportText(focusedVisit(), 'letters/2024-03-04.pdf');
    const letterResult = visitLetterSchema.parse(result);
    assert.equal(letterResult.kind, 'focused-visit');
    assert.equal(letterResult.localAuthority, 'Exampleshire');
    assert.equal(letterResult.letterDate, '2024-03-03');
    assert.equal(letterResult.visitStart, '2024-02-06');
    assert.equal(letterResult.visitEnd, '2024-02-07');
    assert.deepEqual(letterResult.inspectors, ['Robin Sample', 'Alex Placeholder']);
    assert.equal(letterResult.leadInspector, 'Robin Sample');
    assert.equal(letterResult.focus, 'children in need and those subject to a child protection plan');
    assert.equal(letterResult.theme, 'children-in-need-or-plan');
    assert.equal(letterResult.covidContext, false);
    assert.deepEqual(letterResult.priorityActions, [
      'The timeliness of visits to children whose plans say they must be seen often, so that risk is reviewed.',
      'Management oversight of plans that drift.',
    ]);
    assert.deepEqual(letterResult.recommendations, [
      'The quality of written plans, so that families know what must change and by when.',
      'The use of family history in assessments: chronologies kept up to date earlier concerns weighed.',
    ]);
    assert.deepEqual(letterResult.warnings, []);
  });

  test('a letter with no improvement section and no focus sentence is read, with warnings', () => {
    const text = letter(
      page(
        60,
        ...ADDRESS,
        ['Focused visit to Exampleshire children’s services'],
        [
          'This letter summarises the findings of a focused visit to Exampleshire children’s services',
          'on 13 October 2020. The inspectors were Robin Sample HMI and Alex Placeholder HMI.',
        ],
        [
          'The methodology for this visit was adapted to reflect the COVID-19 context. This visit',
          'was carried out fully by remote means.',
        ],
        ['Overview'],
        ['Leaders have kept services running.'],
        ['Yours sincerely'],
        ['Robin Sample', 'Her Majesty’s Inspector'],
      ),
    );
    const result = parseVisitLetter(text);
    assert.equal(result.visitStart, '2020-10-13');
    assert.equal(result.visitEnd, '2020-10-13');
    assert.equal(result.focus, null);
    assert.equal(result.theme, 'other');
    assert.equal(result.covidContext, true);
    assert.deepEqual(
      result.warnings.map((warning) => warning.code),
      ['letter-long-after-visit', 'no-focus', 'no-improvement-section'],
    );
  });
});

describe('monitoring visits and JTAIs (fixtures only: no corpus of them is here)', () => {
  test('a monitoring-visit letter: kind, dates, inspectors, what was looked at; no theme', () => {
    const text = letter(
      page(
        60,
        ...ADDRESS,
        ['Monitoring visit to Exampleshire children’s services'],
        [
          'This letter summarises the findings of the monitoring visit to Exampleshire children’s',
          'services on 20 and 21 February 2024. This was the second monitoring visit since the',
          'local authority was judged inadequate. His Majesty’s Inspectors for this visit were',
          'Robin Sample and Alex Placeholder.',
        ],
        ['Areas covered by the visit'],
        ['Inspectors reviewed the progress made in the quality of help for children at risk of', 'exploitation.'],
        ['Yours sincerely'],
        ['Robin Sample', 'His Majesty’s Inspector'],
      ),
    );
    const result = parseVisitLetter(text);
    assert.equal(result.kind, 'monitoring-visit');
    assert.equal(result.visitStart, '2024-02-20');
    assert.equal(result.visitEnd, '2024-02-21');
    assert.deepEqual(result.inspectors, ['Robin Sample', 'Alex Placeholder']);
    assert.equal(result.focus, 'the progress made in the quality of help for children at risk of exploitation');
    assert.equal(result.theme, null);
  });

  test('a JTAI letter: kind and the inspection days, with a warning when nobody is named as visiting', () => {
    const text = letter(
      page(
        60,
        ...ADDRESS,
        ['Joint targeted area inspection of the multi-agency response to children at risk in', 'Exampleshire'],
        [
          'This letter summarises the findings of a joint targeted area inspection (JTAI) in',
          'Exampleshire. The inspection took place from 4 to 8 March 2024. Inspectors evaluated',
          'the multi-agency response to children who are at risk of serious youth violence.',
        ],
        ['Yours sincerely'],
        ['Robin Sample', 'His Majesty’s Inspector'],
      ),
    );
    const result = parseVisitLetter(text);
    assert.equal(result.kind, 'jtai');
    assert.equal(result.visitStart, '2024-03-04');
    assert.equal(result.visitEnd, '2024-03-08');
    assert.equal(result.focus, 'the multi-agency response to children who are at risk of serious youth violence');
    assert.ok(result.warnings.some((warning) => warning.code === 'no-inspectors'));
  });
});

describe('letter parts', () => {
  test('visit dates in the shapes letters print', () => {
    assert.deepEqual(
      readVisitDates('a focused visit to X children’s services on 31 July and 1 August 2019.', undefined),
      { start: '2019-07-31', end: '2019-08-01' },
    );
    assert.deepEqual(readVisitDates('a focused visit to X between 29 September and 1 October 2020.', undefined), {
      start: '2020-09-29',
      end: '2020-10-01',
    });
    assert.deepEqual(readVisitDates('a focused visit to X on the 15 and 16 of May 2018.', undefined), {
      start: '2018-05-15',
      end: '2018-05-16',
    });
    assert.deepEqual(readVisitDates('a focused visit to X on 30 and 31 January. The inspectors', 2018), {
      start: '2018-01-30',
      end: '2018-01-31',
    });
    assert.deepEqual(readVisitDates('a focused visit to X on 22\u201323 October 2019.', undefined), {
      start: '2019-10-22',
      end: '2019-10-23',
    });
  });

  test('inspectors with their titles removed, observers kept, a shadow in a later sentence left out', () => {
    assert.deepEqual(
      readInspectors(
        'The inspectors were Robin Sample, HMI, and Alex Placeholder, HMI. The quality assurance manager was Sam Other, Senior HMI.',
      ),
      ['Robin Sample', 'Alex Placeholder'],
    );
    assert.deepEqual(
      readInspectors(
        'The visit was carried out by Robin Sample, Alex Placeholder and Jo Dummy-Name, all of whom are Her Majesty’s Inspectors (HMI), and Kim Trial (HMI designate).',
      ),
      ['Robin Sample', 'Alex Placeholder', 'Jo Dummy-Name', 'Kim Trial'],
    );
    assert.deepEqual(
      readInspectors(
        'His Majesty’s Inspectors for this visit were Robin Sample and Alex Place- holder. Sam Other shadowed this visit.',
      ),
      ['Robin Sample', 'Alex Place-holder'],
    );
  });

  test('the theme the focus names first', () => {
    assert.equal(themeOf('planning and achieving permanence for children in care'), 'achieving-permanence');
    assert.equal(
      themeOf('the ‘front door’, where contacts and referrals about children in need are received'),
      'front-door',
    );
    assert.equal(themeOf('care leavers aged 18 to 25'), 'care-leavers');
    assert.equal(themeOf('the protection of vulnerable children from extra-familial harm'), 'vulnerable-adolescents');
    assert.equal(themeOf('disabled children and their families'), 'disabled-children');
    assert.equal(
      themeOf(
        'the quality and impact of key decision-making across help and protection, children in care and care leavers',
      ),
      'other',
    );
    assert.equal(themeOf(undefined), 'other');
  });

  test('COVID-19 context only when the letter ties it to the visit itself', () => {
    assert.equal(saysVisitWasInCovidContext('The delivery model was adapted to reflect the COVID-19 context.'), true);
    assert.equal(
      saysVisitWasInCovidContext('Social workers kept seeing children during the pandemic through remote visits.'),
      false,
    );
  });
});
