import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numericDatesToWords } from './title-page.ts';

test('day/month/year dates are written out in words, UK order', () => {
  assert.equal(numericDatesToWords('1/06/2015 \u2013 25/06/2015'), '1 June 2015 \u2013 25 June 2015');
  assert.equal(numericDatesToWords('10/08/2015'), '10 August 2015');
});

test('impossible numeric dates are left as printed', () => {
  assert.equal(numericDatesToWords('31/02/2015'), '31/02/2015');
  assert.equal(numericDatesToWords('12/13/2015'), '12/13/2015');
});
