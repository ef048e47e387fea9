import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../errors.ts';
import { parseManifest, publicationDate, urnFromFolder } from './report-placement.ts';

const manifest = parseManifest(
  'file,published\nreports/norfolk-latest.pdf,2023-01-13\nother/a.pdf,2020-01-01\nelse/a.pdf,2021-01-01\n',
  '/data/manifest.csv',
);

test('the printed date comes first, then the file name, then the manifest', () => {
  assert.deepEqual(publicationDate({ published: '2015-10-19' }, '/r/80418-norfolk/2015-10-20.pdf', manifest), {
    published: '2015-10-19',
    source: 'printed',
  });
  assert.deepEqual(publicationDate({ published: null }, '/r/80418-norfolk/2015-10-20.pdf', manifest), {
    published: '2015-10-20',
    source: 'file-name',
  });
  assert.deepEqual(publicationDate({ published: null }, '/data/reports/norfolk-latest.pdf', manifest), {
    published: '2023-01-13',
    source: 'manifest',
  });
  assert.deepEqual(
    publicationDate({ published: null }, '/elsewhere/norfolk-latest.pdf', manifest),
    { published: '2023-01-13', source: 'manifest' },
    'found by file name',
  );
  assert.equal(
    publicationDate({ published: null }, '/elsewhere/a.pdf', manifest),
    undefined,
    'a file name listed with two dates is ambiguous',
  );
  assert.equal(publicationDate({ published: null }, '/r/report.pdf'), undefined);
  assert.equal(publicationDate({ published: null }, '/r/2023-02-30.pdf'), undefined, 'not a real date');
});

test('a manifest with a bad date or without the columns is refused clearly', () => {
  assert.throws(
    () => parseManifest('file,published\na.pdf,13/01/2023\n', 'm.csv'),
    (error: unknown) => error instanceof ValidationError && /line 2: "13\/01\/2023" is not a date/.test(error.message),
  );
  assert.throws(() => parseManifest('name,date\na.pdf,2023-01-13\n', 'm.csv'), /needs the columns file,published/);
});

test('the URN comes from a folder named <urn>-<slug>', () => {
  assert.equal(urnFromFolder('/r/80418-norfolk/2015-10-20.pdf'), '80418');
  assert.equal(urnFromFolder('/r/2637548-west-northamptonshire/2022-11-25.pdf'), '2637548');
  assert.equal(urnFromFolder('/r/downloads/2015-10-20.pdf'), undefined);
  assert.equal(urnFromFolder('/r/2015-10-20.pdf'), undefined);
});
