/**
 * Evidence files on every dialect: accepted by content (a PDF named .txt is a PDF; text named .pdf
 * is refused), size-limited, kept under a random name in the data dir, served only through the
 * scoped service (404 to another council, 403 to a viewer's upload), audited, and checked on read.
 */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TEST_DIALECTS } from '../helpers/dialects.ts';
import {
  ACTORS,
  EVIDENCE_SAMPLES,
  inspectionId,
  OWN,
  planTestApp,
  planTestServices,
  type PlanTestServices,
} from '../helpers/plan-fixtures.ts';

for (const dialect of TEST_DIALECTS) {
  describe(`evidence files on ${dialect}`, () => {
    let services: PlanTestServices;
    let actionId: number;
    before(async () => {
      services = await planTestServices(dialect, { evidenceMaxBytes: 4096 });
      const plan = await services.plans.createPlan(ACTORS.editor, OWN, {
        inspectionId: await inspectionId(services, OWN, '2017-06-13'),
      });
      actionId = (
        await services.plans.addAction(ACTORS.editor, plan.id, {
          itemIds: [plan.items[0]!.id],
          title: 'Weekly audits',
          owner: { kind: 'team', name: 'Audit team' },
          dueDate: '2018-01-31',
          basedOnVersion: plan.version,
        })
      ).id;
    });
    after(async () => services?.done());

    const version = async () => (await services.plans.getAction(ACTORS.editor, actionId)).version;

    test('a file is taken by its content, kept under a random name, and served back to its council only', async () => {
      const evidence = await services.plans.addEvidence(
        ACTORS.editor,
        { actionId },
        { fileName: '../../board minutes.txt', bytes: EVIDENCE_SAMPLES.pdf, basedOnVersion: await version() },
      );
      assert.equal(evidence.contentType, 'application/pdf');
      assert.equal(evidence.fileName, 'board minutes.txt');
      assert.equal(evidence.size, EVIDENCE_SAMPLES.pdf.byteLength);
      const stored = readdirSync(join(services.dir, 'evidence'));
      assert.equal(stored.length, 1);
      assert.match(stored[0]!, /^[0-9a-f]{32}$/);
      const file = await services.plans.getEvidenceFile(ACTORS.viewer, evidence.id);
      assert.deepEqual(file.body, EVIDENCE_SAMPLES.pdf);
      await assert.rejects(services.plans.getEvidenceFile(ACTORS.otherEditor, evidence.id), { status: 404 });
      await assert.rejects(services.plans.getEvidenceFile(null, evidence.id), { status: 401 });
      assert.deepEqual(
        (await services.plans.getAction(ACTORS.viewer, actionId)).evidence.map((e) => e.id),
        [evidence.id],
      );
      const audit = await services.accounts.audit.list(ACTORS.admin, {
        recordType: 'evidence',
        recordId: String(evidence.id),
      });
      assert.equal(audit.length, 1);

      const png = await services.plans.addEvidence(
        ACTORS.editor,
        { actionId },
        { fileName: 'chart.png', bytes: EVIDENCE_SAMPLES.png, basedOnVersion: await version() },
      );
      assert.equal(png.contentType, 'image/png');
    });

    test('refused: a kind not accepted, too large, empty, a viewer, an old version; nothing is left behind', async () => {
      const before = readdirSync(join(services.dir, 'evidence')).length;
      await assert.rejects(
        services.plans.addEvidence(
          ACTORS.editor,
          { actionId },
          { fileName: 'minutes.pdf', bytes: EVIDENCE_SAMPLES.text, basedOnVersion: await version() },
        ),
        { code: 'invalid-evidence', status: 400 },
      );
      await assert.rejects(
        services.plans.addEvidence(
          ACTORS.editor,
          { actionId },
          {
            fileName: 'big.pdf',
            bytes: Buffer.concat([EVIDENCE_SAMPLES.pdf, Buffer.alloc(5000)]),
            basedOnVersion: await version(),
          },
        ),
        { code: 'evidence-too-large', status: 413 },
      );
      await assert.rejects(
        services.plans.addEvidence(
          ACTORS.editor,
          { actionId },
          { fileName: 'empty.pdf', bytes: Buffer.alloc(0), basedOnVersion: await version() },
        ),
        { code: 'invalid-evidence' },
      );
      await assert.rejects(
        services.plans.addEvidence(
          ACTORS.viewer,
          { actionId },
          { fileName: 'a.pdf', bytes: EVIDENCE_SAMPLES.pdf, basedOnVersion: await version() },
        ),
        { status: 403 },
      );
      await assert.rejects(
        services.plans.addEvidence(
          ACTORS.editor,
          { actionId },
          { fileName: 'a.pdf', bytes: EVIDENCE_SAMPLES.pdf, basedOnVersion: 1 },
        ),
        { status: 412 },
      );
      assert.equal(readdirSync(join(services.dir, 'evidence')).length, before);
    });

    test('a damaged file is not served', async () => {
      const evidence = await services.plans.addEvidence(
        ACTORS.editor,
        { actionId },
        { fileName: 'x.pdf', bytes: EVIDENCE_SAMPLES.pdf, basedOnVersion: await version() },
      );
      const row = await services.store.db
        .selectFrom('plan_evidence')
        .select('storage_key')
        .where('id', '=', evidence.id)
        .executeTakeFirstOrThrow();
      writeFileSync(join(services.dir, 'evidence', row.storage_key), 'changed');
      await assert.rejects(services.plans.getEvidenceFile(ACTORS.editor, evidence.id), {
        status: 404,
        message: /missing or damaged/,
      });
    });
  });
}

describe('evidence over the API', () => {
  test('upload with If-Match and a file name, download as an attachment, never cached; refusals with their status', async () => {
    const t = await planTestApp('sqlite');
    try {
      const auth = (who: keyof typeof t.tokens) => ({ authorization: `Bearer ${t.tokens[who]}` });
      const plan = await t.services.plans.createPlan(ACTORS.editor, OWN, {
        inspectionId: await inspectionId(t.services, OWN, '2017-06-13'),
      });
      const action = await t.services.plans.addAction(ACTORS.editor, plan.id, {
        itemIds: [plan.items[0]!.id],
        title: 'Audits',
        owner: { kind: 'team', name: 'Audit team' },
        dueDate: '2018-01-31',
        basedOnVersion: plan.version,
      });
      const upload = (who: keyof typeof t.tokens, body: Buffer, ifMatch?: string) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/actions/${action.id}/evidence?fileName=${encodeURIComponent('Board minutes.pdf')}`,
          headers: {
            ...auth(who),
            'content-type': 'application/octet-stream',
            ...(ifMatch ? { 'if-match': ifMatch } : {}),
          },
          payload: body,
        });
      assert.equal((await upload('editor', EVIDENCE_SAMPLES.pdf)).statusCode, 428);
      assert.equal((await upload('editor', EVIDENCE_SAMPLES.text, 'W/"1"')).statusCode, 400);
      assert.equal((await upload('otherEditor', EVIDENCE_SAMPLES.pdf, 'W/"1"')).statusCode, 404);
      const created = await upload('editor', EVIDENCE_SAMPLES.pdf, 'W/"1"');
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as number;
      const file = await t.app.inject({ method: 'GET', url: `/api/v1/evidence/${id}`, headers: auth('viewer') });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.headers['cache-control'], 'no-store');
      assert.match(String(file.headers['content-disposition']), /^attachment; filename="Board minutes.pdf"/);
      assert.deepEqual(file.rawPayload, EVIDENCE_SAMPLES.pdf);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/api/v1/evidence/${id}`, headers: auth('otherEditor') })).statusCode,
        404,
      );
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/evidence/${id}` })).statusCode, 401);
    } finally {
      await t.close();
    }
  });
});
