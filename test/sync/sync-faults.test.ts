/**
 * Each fault switch of the imitation ends in a clear summary with nothing half-stored, and the
 * layout-change switches give warnings, not a silent success. The lock keeps two syncs apart.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createServices, type Services } from '../../src/services/index.ts';
import { startSyncRun } from '../../src/store/index.ts';
import { makeTempDir } from '../helpers/label-fixtures.ts';
import { createTestStore, TEST_DIALECTS } from '../helpers/dialects.ts';
import {
  registerCouncils,
  startOfstedImitation,
  type ImitationCouncil,
  type OfstedImitation,
} from './ofsted-imitation.ts';
import { unreadableLetterPdf, ilacsReportPdf } from './synthetic-reports.ts';

const DERBY = '80459';

function derby(): ImitationCouncil {
  return {
    urn: DERBY,
    name: 'Derby',
    publications: [
      {
        fileId: 50_200_001,
        kindLabel: "Children's services inspection",
        date: '2024-07-15',
        bytes: ilacsReportPdf('Derby City Council', { days: '3 to 14 June 2024' }),
      },
    ],
  };
}

interface Harness {
  site: OfstedImitation;
  services: Services;
  dataDir: string;
  pauses: number[];
  done(): Promise<void>;
}

async function harness(
  councils: ImitationCouncil[] = [derby()],
  dialect = TEST_DIALECTS[0]!,
  options: { listEveryCouncil?: boolean; readerFingerprint?: () => string } = {},
): Promise<Harness> {
  const site = await startOfstedImitation(councils, options);
  const store = await createTestStore(dialect);
  const dataDir = makeTempDir('csci-sync-faults-');
  const pauses: number[] = [];
  const services = await createServices(
    {
      databaseUrl: undefined,
      dataDir,
      sync: {
        reportsUrl: site.reportsUrl,
        filesUrl: site.filesUrl,
        contact: 'ops@example.test',
        delayMs: 1000,
        onStart: false,
        mailFrom: 'x <x@example.test>',
      },
    },
    {
      location: store.location,
      sync: {
        client: { sleep: async (ms) => void pauses.push(ms), timeoutMs: 300, maxRetryAfterMs: 5000 },
        readerFingerprint: options.readerFingerprint,
      },
    },
  );
  return {
    site,
    services,
    dataDir,
    pauses,
    async done() {
      await services.close();
      await store.drop();
      await site.close();
    },
  };
}

function filesKept(dataDir: string): string[] {
  const folder = join(dataDir, 'reports');
  return existsSync(folder)
    ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
        (name) => name.endsWith('.pdf') || name.includes('.part-'),
      )
    : [];
}

describe('fault switches', () => {
  test('403: the listing is refused, not retried, and the run fails with a clear message', async () => {
    const h = await harness();
    try {
      h.site.faults.forbidden = true;
      const summary = await h.services.sync.run();
      assert.equal(summary.status, 'failed');
      assert.match(summary.message ?? '', /The listing of councils could not be read: .*HTTP 403/);
      assert.equal(h.site.counts.all, 1, 'a 403 is not retried');
      assert.equal((await h.services.inspections.listAll()).length, 0);
      const [run] = await h.services.sync.status(1);
      assert.equal(run!.status, 'failed');
      assert.match(run!.message ?? '', /HTTP 403/);
    } finally {
      await h.done();
    }
  });

  test('429 with Retry-After: the sync waits as asked, then carries on', async () => {
    const h = await harness();
    try {
      h.site.faults.rateLimited = { count: 2, retryAfterSeconds: 3 };
      const summary = await h.services.sync.run();
      assert.equal(summary.status, 'finished');
      assert.deepEqual(summary.failed, []);
      assert.equal(summary.imported.length, 1);
      assert.ok(h.pauses.filter((ms) => ms === 3000).length >= 2, `pauses: ${h.pauses.slice(0, 4).join(', ')}`);
    } finally {
      await h.done();
    }
  });

  test('500s: a few are retried with backoff; a server that keeps failing ends the run clearly', async () => {
    const h = await harness();
    try {
      h.site.faults.serverErrors = 3;
      const recovered = await h.services.sync.run();
      assert.equal(recovered.status, 'finished');
      assert.equal(recovered.imported.length, 1);
      const [first, second, third] = h.pauses;
      assert.ok(
        first! >= 2000 && second! >= 4000 && third! >= 8000,
        `backoff pauses: ${h.pauses.slice(0, 3).join(', ')}`,
      );
      h.site.faults.serverErrors = 1000;
      const failed = await h.services.sync.run();
      assert.equal(failed.status, 'failed');
      assert.match(failed.message ?? '', /HTTP 500 \(after 4 attempts\)/);
    } finally {
      await h.done();
    }
  });

  test('a reset mid-PDF leaves nothing behind; the next sync fetches the file again', async () => {
    const h = await harness();
    try {
      h.site.faults.resetMidPdf = 'always';
      const broken = await h.services.sync.run();
      assert.equal(broken.status, 'finished');
      assert.equal(broken.failed.length, 1);
      assert.equal(broken.failed[0]!.code, 'connection-reset');
      assert.match(broken.failed[0]!.message, /after 4 attempts/);
      assert.deepEqual(filesKept(h.dataDir), []);
      assert.equal((await h.services.inspections.listAll()).length, 0);
      // A partial download left by a killed sync is removed by the next.
      mkdirSync(join(h.dataDir, 'reports', `${DERBY}-derby`), { recursive: true });
      writeFileSync(
        join(h.dataDir, 'reports', `${DERBY}-derby`, '2024-07-15-50200001.pdf.part-4242-0a0b0c0d'),
        '%PDF-1.4 half',
      );
      h.site.faults.resetMidPdf = 1;
      const mended = await h.services.sync.run();
      assert.deepEqual(mended.failed, []);
      assert.equal(mended.imported.length, 1);
      assert.equal(filesKept(h.dataDir).length, 1);
    } finally {
      await h.done();
    }
  });

  test('slow answers time out and are retried; the run ends with a clear message', async () => {
    const h = await harness();
    try {
      h.site.faults.slowMs = 2500;
      const summary = await h.services.sync.run();
      assert.equal(summary.status, 'failed');
      assert.match(summary.message ?? '', /timed out .*after 4 attempts/);
    } finally {
      h.site.faults.slowMs = 0;
      await h.done();
    }
  });

  test('"Report not found" with status 200 is a withdrawn file, stored nowhere', async () => {
    const h = await harness();
    try {
      h.site.faults.notFound.add(50_200_001);
      const summary = await h.services.sync.run();
      assert.deepEqual(
        summary.failed.map((failure) => failure.code),
        ['withdrawn'],
      );
      assert.match(summary.failed[0]!.message, /Report not found/);
      assert.deepEqual(filesKept(h.dataDir), []);
      assert.equal((await h.services.inspections.listAll()).length, 0);
    } finally {
      await h.done();
    }
  });

  test('renamed CSS classes give layout warnings, not a silent success', async () => {
    const h = await harness();
    try {
      h.site.faults.renamedClasses = true;
      const listing = await h.services.sync.run();
      assert.deepEqual([...new Set(listing.warnings.map((warning) => warning.code))].sort(), [
        'listing-layout-changed',
        'listing-short',
      ]);
      const page = await h.services.sync.run({ councils: [DERBY] });
      assert.ok(page.warnings.some((warning) => warning.code === 'provider-layout-changed'));
      assert.equal(page.imported.length, 0);
      const [run] = await h.services.sync.status(1);
      assert.ok(run!.warnings.some((warning) => warning.code === 'provider-layout-changed'));
    } finally {
      await h.done();
    }
  });

  test('a changed row cap is a warning; every page is still followed', async () => {
    const h = await harness();
    try {
      h.site.faults.rowCap = 50;
      const summary = await h.services.sync.run();
      assert.deepEqual(
        summary.warnings.map((warning) => warning.code),
        ['listing-row-cap-changed'],
      );
      assert.equal(summary.councils, h.site.councils.length);
      assert.equal(summary.imported.length, 1);
    } finally {
      await h.done();
    }
  });

  test('an unknown council, an empty provider page and an unknown kind are warnings; unknown kinds are still fetched', async () => {
    const h = await harness([
      { urn: '99999001', name: 'New Unitary Council', publications: [] },
      { urn: '80533', name: 'Nottingham', publications: [] },
      {
        ...derby(),
        publications: [
          {
            fileId: 50_300_001,
            kindLabel: 'Children\u2019s services assurance review',
            date: '2026-10-01',
            bytes: ilacsReportPdf('Derby City Council', { days: '1 to 12 June 2026' }),
          },
        ],
      },
    ]);
    try {
      const summary = await h.services.sync.run();
      const codes = summary.warnings.map((warning) => warning.code);
      assert.ok(codes.includes('council-not-in-register'));
      assert.ok(codes.includes('provider-page-empty'));
      assert.ok(codes.includes('unknown-kind'));
      assert.equal(summary.imported.length, 1, "the PDF's own title decides");
    } finally {
      await h.done();
    }
  });
});

for (const dialect of TEST_DIALECTS) {
  test(`two syncs never run at once (${dialect})`, async () => {
    const h = await harness([derby()], dialect, { listEveryCouncil: false });
    try {
      h.site.faults.slowMs = 100;
      const first = h.services.sync.run({ councils: [DERBY] });
      await new Promise((resolve) => setTimeout(resolve, 30));
      await assert.rejects(
        h.services.sync.run({ councils: [DERBY] }),
        (error: Error & { code?: string }) => error.code === 'sync-running',
      );
      assert.equal((await first).imported.length, 1);
      h.site.faults.slowMs = 0;
      assert.equal((await h.services.sync.run({ councils: [DERBY] })).status, 'finished', 'the lock is released');
    } finally {
      await h.done();
    }
  });
}

test('a dry run downloads and stores nothing', async () => {
  const h = await harness([derby()], TEST_DIALECTS[0], { listEveryCouncil: false });
  try {
    const summary = await h.services.sync.run({ dryRun: true });
    assert.deepEqual(
      summary.wouldDownload.map((item) => item.fileId),
      ['50200001'],
    );
    assert.equal(h.site.counts.files, 0);
    assert.equal((await h.services.inspections.listAll()).length, 0);
    assert.equal((await h.services.sync.run()).imported.length, 1);
  } finally {
    await h.done();
  }
});

test('five failed requests in a row stop the sync with a clear message', async () => {
  const others = registerCouncils()
    .filter((council) => council.urn !== DERBY)
    .slice(0, 6)
    .map((council) => ({ ...council, publications: [] }));
  const h = await harness([derby(), ...others], TEST_DIALECTS[0], { listEveryCouncil: false });
  try {
    h.site.faults.forbidden = true;
    const summary = await h.services.sync.run({ councils: [DERBY, ...others.map((council) => council.urn)] });
    assert.equal(summary.status, 'failed');
    assert.match(summary.message ?? '', /^Stopped after 5 failed requests in a row \(the last: .*HTTP 403\)/);
    assert.equal(summary.failed.length, 5);
    assert.equal(h.site.counts.all, 5);
  } finally {
    await h.done();
  }
});

test('a letter kept as "not read yet" is read again once the reader changes, and never dropped', async () => {
  let fingerprint = 'reader-1';
  const council = {
    ...derby(),
    publications: [
      {
        fileId: 50_150_002,
        kindLabel: "Children's services focused visit",
        date: '2022-03-02',
        bytes: unreadableLetterPdf('Derby City Council', '1 February 2022'),
      },
    ],
  };
  const h = await harness([council], TEST_DIALECTS[0], {
    listEveryCouncil: false,
    readerFingerprint: () => fingerprint,
  });
  try {
    const first = await h.services.sync.run();
    assert.deepEqual(
      first.notReadYet.map((item) => item.fileId),
      ['50150002'],
    );
    assert.match(first.notReadYet[0]!.reason ?? '', /^not read yet: /);
    assert.equal(filesKept(h.dataDir).length, 1, 'the letter is kept');
    const unchanged = await h.services.sync.run();
    assert.deepEqual(unchanged.notReadYet, [], 'the same reader does not read it again');
    fingerprint = 'reader-2';
    h.site.resetCounts();
    const changed = await h.services.sync.run();
    assert.deepEqual(
      changed.notReadYet.map((item) => item.fileId),
      ['50150002'],
      'read again from the kept file',
    );
    assert.equal(h.site.counts.files, 0, 'without downloading it again');
  } finally {
    await h.done();
  }
});

test('a run left running by a killed sync is marked interrupted by the next', async () => {
  const h = await harness([derby()], TEST_DIALECTS[0], { listEveryCouncil: false });
  try {
    await startSyncRun(h.services.store.db, false, '2026-12-01T00:00:00.000Z');
    await h.services.sync.run();
    const [latest, killed] = await h.services.sync.status(2);
    assert.equal(latest!.status, 'finished');
    assert.equal(killed!.status, 'interrupted');
    assert.match(killed!.message ?? '', /stopped before it finished/);
  } finally {
    await h.done();
  }
});
