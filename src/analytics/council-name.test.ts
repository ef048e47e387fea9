import assert from 'node:assert/strict';
import { test } from 'node:test';
import { councilNameKey } from './council-name.ts';

test('printed council names reduce to the register name', () => {
  const pairs: [string, string][] = [
    ['London Borough of Barnet', 'Barnet'],
    ['Durham County Council', 'Durham'],
    ['Bristol City Council', 'Bristol, City of'],
    ['City of Bradford Metropolitan District Council', 'Bradford'],
    ['The Royal Borough of Windsor and Maidenhead', 'Windsor and Maidenhead'],
    ['St Helens Metropolitan Borough Council', 'St. Helens'],
    ['Council of the Isles of Scilly', 'Isles of Scilly'],
    ['Bournemouth, Christchurch & Poole', 'Bournemouth, Christchurch and Poole'],
    ['Southend-on-Sea city council', 'Southend-on-Sea'],
  ];
  for (const [printed, registered] of pairs) assert.equal(councilNameKey(printed), councilNameKey(registered), printed);
});

test('a name that is only a council word is not stripped to nothing', () => {
  assert.equal(councilNameKey('City of London'), 'london');
  assert.equal(councilNameKey('Council'), 'council');
  assert.equal(councilNameKey(''), '');
});

test('different councils keep different keys', () => {
  assert.notEqual(councilNameKey('North Northamptonshire'), councilNameKey('Northamptonshire'));
  assert.notEqual(councilNameKey('Leicester City Council'), councilNameKey('Leicestershire County Council'));
});
