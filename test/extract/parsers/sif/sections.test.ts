import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsReport as report, row } from '../../../helpers/positioned-text.ts';
import { readLeadInspector } from '../../../../src/extract/parsers/sif/sections.ts';

const leadFrom = (...texts: string[]) =>
  readLeadInspector(report(texts.map((text, index) => row(100 + index * 20, 71, text))).lines);

test('the lead inspector is named without the role that follows', () => {
  assert.equal(leadFrom('Lead inspector: Jane Example, HMI'), 'Jane Example');
  assert.equal(leadFrom('Lead inspector: Jane Example Senior HMI'), 'Jane Example');
  assert.equal(leadFrom('Lead inspector: Jane Example (HMI)'), 'Jane Example');
  assert.equal(leadFrom('Lead inspector: Jane Example, Her Majesty\u2019s Inspector'), 'Jane Example');
});

test('two lead inspectors are joined with "; "; a name on the next line is read; none gives null', () => {
  assert.equal(leadFrom('Lead inspectors: Ann Person HMI and Bob Sample HMI'), 'Ann Person; Bob Sample');
  assert.equal(leadFrom('Lead inspector', 'Jane Example HMI'), 'Jane Example');
  assert.equal(leadFrom('Deputy lead inspector: John Sample, HMI'), null);
  assert.equal(leadFrom('The inspection team'), null);
});
