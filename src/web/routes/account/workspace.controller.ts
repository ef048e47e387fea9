/** GET /councils/:urn/workspace: a council's private side, its people and their roles (own council's users and admins only; 404 otherwise). */
import type { FastifyInstance } from 'fastify';
import type { CouncilWorkspaceService } from '../../../services/accounts-services.ts';
import { registerPrivatePages, requireActor } from './private-pages.ts';

export async function registerWorkspacePages(app: FastifyInstance, workspaces: CouncilWorkspaceService): Promise<void> {
  await registerPrivatePages(app, (scope) => {
    scope.get<{ Params: { urn: string } }>('/councils/:urn/workspace', async (request, reply) => {
      const actor = requireActor(request);
      const workspace = await workspaces.get(actor, request.params.urn);
      return reply.view('pages/account/workspace.njk', { actor, workspace });
    });
  });
}
