import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InspectionReport } from '../domain/index.ts';
import { listingDateFromFileName, withListingDate } from './listing-date.ts';

test('the listing date is read from a YYYY-MM-DD file name', () => {
  assert.equal(listingDateFromFileName('reports/80432-bolton/2014-03-21.pdf'), '2014-03-21');
  assert.equal(listingDateFromFileName('bolton 2014-03-21 report.pdf'), '2014-03-21');
});

test('names without a real date give none', () => {
  assert.equal(listingDateFromFileName('reports/bolton.pdf'), undefined);
  assert.equal(listingDateFromFileName('2014-02-30.pdf'), undefined);
  assert.equal(listingDateFromFileName('2014-03-21-2.pdf'), '2014-03-21');
  assert.equal(listingDateFromFileName('12014-03-211.pdf'), undefined);
});

test('a printed publication date is kept; a missing one is taken from the file name', () => {
  const report: Omit<InspectionReport, 'published'> = {
    file: 'x/2014-03-21.pdf',
    framework: 'SIF',
    version: 'SIF',
    kind: 'sif',
    localAuthority: 'Anyshire',
    inspectionStart: '2014-01-13',
    inspectionEnd: '2014-02-05',
    leadInspector: null,
    judgements: {},
    recommendations: [],
    lscbRecommendations: [],
    warnings: [],
  };
  assert.equal(
    (withListingDate({ ...report, published: '2014-03-20' }) as { published: string }).published,
    '2014-03-20',
  );
  assert.equal((withListingDate({ ...report, published: null }) as { published: string }).published, '2014-03-21');
  assert.equal(
    (withListingDate({ ...report, file: 'x/report.pdf', published: null }) as { published: null }).published,
    null,
  );
});
