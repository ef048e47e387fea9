/** GET /admin/sync: the last sync runs with Ofsted (counts, warnings, failures), for admins only. */
import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../../../services/accounts.service.ts';
import type { SyncService } from '../../../services/index.ts';
import { accountPaths } from './account-paths.ts';
import { registerPrivatePages, requireActor } from './private-pages.ts';

export const SYNC_ADMIN_PATH = '/admin/sync';

export async function registerSyncAdminPage(app: FastifyInstance, sync: SyncService): Promise<void> {
  await registerPrivatePages(app, (scope) => {
    scope.get(SYNC_ADMIN_PATH, async (request, reply) => {
      const actor = requireAdmin(requireActor(request));
      return reply.view('pages/admin/sync.njk', { actor, runs: await sync.status(10), accountPaths });
    });
  });
}
