/** The read model over real services: figures from the store, and a snapshot that refreshes in the background only when data change. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { createReadModel } from '../../src/services/read-model.service.ts';
import { DERBY_URN, NOTTINGHAM_URN, REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { servicesWithReports, type LoadedServices } from '../helpers/services-with-reports.ts';

let loaded: LoadedServices;

before(async () => {
  loaded = await servicesWithReports(REPORT_FIXTURES.filter((fixture) => !fixture.path.includes('2024')));
});

after(async () => {
  await loaded.close();
});

async function settle(): Promise<void> {
  for (let index = 0; index < 20; index++) await tick();
}

test('the national picture counts each council once, with its latest grade per area', async () => {
  const model = createReadModel(loaded.services);
  const picture = await model.nationalPicture('2022-01-01');
  assert.equal(picture.included, 2);
  const overall = picture.distributions.find((distribution) => distribution.area === 'overall');
  assert.deepEqual(overall?.counts, { outstanding: 0, good: 1, requires_improvement: 1, inadequate: 0 });
  assert.deepEqual(picture.latest.map((row) => row.name).sort(), ['Derby', 'Nottingham']);
  assert.ok(picture.regions.includes('East Midlands'));
});

test("a council's story: history latest first with changes, peers, next steps and the latest report", async () => {
  const model = createReadModel(loaded.services);
  const story = await model.councilStory(DERBY_URN, '2022-01-01');
  assert.deepEqual(
    story.history.map((entry) => entry.published),
    ['2021-03-01', '2017-06-13'],
  );
  assert.equal(story.history[0]?.changes.overall, 'improved');
  assert.equal(story.history[0]?.changes.childrenInCare, 'improved');
  assert.equal(story.history[1]?.changes.overall, 'new');
  assert.equal(story.neighbours.length, 10);
  assert.ok(story.regionPeers.some((peer) => peer.urn === NOTTINGHAM_URN && peer.overall === 'requires_improvement'));
  const regionOverall = story.positions.find((position) => position.group === 'region' && position.area === 'overall');
  assert.deepEqual(
    [regionOverall?.grade, regionOverall?.included, regionOverall?.sameOrBetter, regionOverall?.rank],
    ['good', 2, 1, 1],
  );
  assert.equal(story.next?.inspection.pathway, 'short');
  assert.ok(story.next.deadlines.every((deadline) => deadline.basis === 'rule' && deadline.legalBasis.citation !== ''));
  assert.equal(
    story.latest?.recommendations[0]?.text,
    'The quality of supervision of social workers, so that it challenges and guides practice.',
  );
  await assert.rejects(model.councilStory('999999', '2022-01-01'), { code: 'unknown-local-authority' });
});

test('the snapshot is kept while nothing changes and replaced after an import', async () => {
  let clock = 0;
  const model = createReadModel(loaded.services, { snapshotSeconds: 10, now: () => clock });
  assert.equal(await model.dataVersion(), '1');
  assert.equal((await model.nationalPicture('2026-01-01')).included, 2);
  clock = 11_000;
  assert.equal(await model.dataVersion(), '1', 'the held snapshot answers while it reloads');
  await settle();
  assert.equal(await model.dataVersion(), '1', 'same data: same version, memo and cached pages kept');
  const summary = await loaded.importMore(REPORT_FIXTURES.filter((fixture) => fixture.path.includes('2024')));
  assert.equal(summary.imported, 1);
  clock = 15_000;
  assert.equal(await model.dataVersion(), '1', 'not checked again before the TTL');
  clock = 22_000;
  await model.dataVersion();
  await settle();
  assert.equal(await model.dataVersion(), '2');
  const nottingham = (await model.nationalPicture('2026-01-01')).latest.find((row) => row.urn === NOTTINGHAM_URN);
  assert.equal(nottingham?.published, '2024-02-20');
});
