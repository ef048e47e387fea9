import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseRegister, REGISTER_FILE } from '../../src/services/register.service.ts';
import { corpusMissing, readLabels } from '../helpers/corpus.ts';
import { createTestServices } from '../helpers/dialects.ts';

test('the register file parses: 156 councils, unique URNs and LA codes, neighbours that are in it', () => {
  const entries = parseRegister(readFileSync(REGISTER_FILE, 'utf8'));
  assert.equal(entries.length, 156);
  assert.equal(new Set(entries.map((entry) => entry.authority.urn)).size, 156);
  const codes = new Set(entries.map((entry) => entry.authority.la_code));
  assert.equal(codes.size, 156);
  for (const entry of entries)
    for (const code of entry.neighbours) assert.ok(codes.has(code), `${entry.authority.name}: neighbour ${code}`);
  const active = entries.filter((entry) => entry.authority.active === 1);
  assert.ok(
    active.every((entry) => entry.neighbours.length === 10),
    'every existing council has ten neighbours',
  );
});

test('a bad register row is refused with its line', () => {
  assert.throws(
    () =>
      parseRegister(
        'urn,la_code,gss_code,name,also_known_as,region_code,region_name,la_type,statistical_neighbours,established_on,abolished_on\nabc,1,,X,,,,,,,\n',
      ),
    /row 2: urn/,
  );
});

test('every council name the corpus reports print finds its own council', { skip: corpusMissing }, async (t) => {
  const services = await createTestServices('sqlite');
  try {
    const printed = new Map(
      readLabels()
        .filter((row) => row.local_authority !== '')
        .map((row) => [row.local_authority, row.urn]),
    );
    const unmatched: string[] = [];
    for (const [name, urn] of printed) {
      const found = await services.councils.findByPrintedName(name);
      if (found === undefined) unmatched.push(name);
      else assert.equal(found.urn, urn, name);
    }
    t.diagnostic(`printed names with no match (their folder gives the URN): ${unmatched.join('; ') || 'none'}`);
    assert.ok(unmatched.length <= 3, unmatched.join('; '));
  } finally {
    await services.done();
  }
});
