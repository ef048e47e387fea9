import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { frameworkVersionFor, gradedAreasFor } from './framework-version.ts';

describe('framework version by the first day on site (DOMAIN.md test vectors (d))', () => {
  const vectors: [string, string, string | undefined, string][] = [
    ['Derby SIF', '2017-03-06', undefined, 'SIF'],
    ['Norfolk standard, Nov 2022', '2022-11-07', undefined, 'ILACS-2018'],
    ['South Tyneside, started 5 Dec 2022, ended Feb 2023', '2022-12-05', undefined, 'ILACS-2018'],
    ['Bristol, Jan 2023', '2023-01-16', undefined, 'ILACS-2023'],
    ['Norfolk short, Feb 2026, published May 2026', '2026-02-23', undefined, 'ILACS-2023'],
    ['Brent / Somerset, 27 Apr 2026', '2026-04-27', undefined, 'ILACS-2026'],
    ['North Northamptonshire, May 2026', '2026-05-11', undefined, 'ILACS-2026'],
    ['first ILACS inspection', '2018-01-29', undefined, 'ILACS-2018'],
    ['a SIF re-inspection in spring 2018', '2018-06-11', 'sif-reinspection', 'SIF'],
  ];
  for (const [name, start, kind, version] of vectors) {
    test(`${name}: ${version}`, () => assert.equal(frameworkVersionFor(start, kind as never), version));
  }
  test('judgement areas follow the version', () => {
    assert.deepEqual(gradedAreasFor('2022-12-05'), ['overall', 'leadership', 'helpAndProtection', 'childrenInCare']);
    assert.deepEqual(gradedAreasFor('2023-01-16'), [
      'overall',
      'leadership',
      'helpAndProtection',
      'childrenInCare',
      'careLeavers',
    ]);
    assert.deepEqual(gradedAreasFor('2026-05-11'), [
      'leadership',
      'helpAndProtection',
      'childrenInCare',
      'careLeavers',
    ]);
    assert.ok(gradedAreasFor('2016-01-11').includes('adoption'));
  });
  test('bad input is refused with a reason', () => {
    assert.throws(() => frameworkVersionFor('2013-07-08'), { code: 'before-sif' });
    assert.throws(() => frameworkVersionFor('2019-01-07', 'sif'), { code: 'sif-after-sif' });
    assert.throws(() => frameworkVersionFor('2019-02-29'), { code: 'invalid-date' });
  });
});
