/**
 * Administration pages: people (add, role, councils, set-password link, remove), API tokens
 * (create, shown once; revoke) and the audit trail (filter, CSV). The services check that the
 * actor is an admin; these pages only shape forms and answers.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ROLES, type Actor } from '../../../domain/actor.ts';
import { DomainError, NotFoundError } from '../../../errors.ts';
import { auditEventsCsv } from '../../../services/account-views.ts';
import type { AccountsServices } from '../../../services/accounts-services.ts';
import { requireAdmin } from '../../../services/accounts.service.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import { accountPaths } from './account-paths.ts';
import { formErrors, NO_ERRORS, registerPrivatePages, requireActor, type FormErrors } from './private-pages.ts';

const idParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});
const newUserBody = z.object({
  email: z.string().max(1000).default(''),
  name: z.string().max(1000).default(''),
  role: z.string().max(50).default(''),
  councils: z.string().max(5000).default(''),
});
const auditQuery = z.object({
  action: z.string().max(64).optional(),
  actorEmail: z.string().max(254).optional(),
  recordType: z.string().max(32).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as year-month-day, for example 2026-12-01')
    .optional()
    .or(z.literal('')),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as year-month-day, for example 2026-12-01')
    .optional()
    .or(z.literal('')),
});

const FIELD_OF_CODE: Record<string, string> = {
  'invalid-email': 'email',
  'user-exists': 'email',
  'invalid-role': 'role',
  'invalid-name': 'name',
  'invalid-council': 'councils',
  'unknown-council': 'councils',
  'invalid-label': 'label',
};

function parseId(params: unknown): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError('There is no such user or token.');
  return parsed.data.id;
}

function councilList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}

/** A domain error as a form error on its field, or rethrown. */
function asFormErrors(error: unknown): FormErrors {
  if (error instanceof DomainError && error.status < 500 && FIELD_OF_CODE[error.code])
    return formErrors([[FIELD_OF_CODE[error.code]!, error.message]]);
  throw error;
}

export interface AdminPagesOptions {
  readonly accounts: AccountsServices;
  /** The address people reach the app at, for set-password links. */
  readonly publicUrl: string;
}

export async function registerAdminPages(
  app: FastifyInstance,
  { accounts, publicUrl }: AdminPagesOptions,
): Promise<void> {
  const roleItems = (checked: string) =>
    ROLES.map((role) => ({ value: role, text: role[0]!.toUpperCase() + role.slice(1), checked: role === checked }));

  async function userPage(reply: FastifyReply, actor: Actor, id: number, errors: FormErrors = NO_ERRORS, status = 200) {
    const user = await accounts.users.getUser(actor, id);
    const tokens = await accounts.users.listTokens(actor, id);
    return reply.code(status).view('pages/admin/user.njk', {
      actor,
      user,
      tokens,
      errors,
      roleItems: roleItems(user.role),
      csrfToken: csrfToken(reply),
      accountPaths,
    });
  }

  await registerPrivatePages(app, (scope) => {
    scope.get(accountPaths.users, async (request, reply) => {
      const actor = requireActor(request);
      return reply.view('pages/admin/users.njk', { actor, users: await accounts.users.listUsers(actor), accountPaths });
    });

    scope.get(accountPaths.newUser, async (request, reply) => {
      const actor = requireAdmin(requireActor(request));
      return reply.view('pages/admin/user-new.njk', {
        actor,
        errors: NO_ERRORS,
        values: {},
        roleItems: roleItems(''),
        csrfToken: csrfToken(reply),
        accountPaths,
      });
    });

    scope.post(accountPaths.newUser, async (request, reply) => {
      const actor = requireActor(request);
      const body = newUserBody.parse(request.body ?? {});
      const render = (errors: FormErrors) =>
        reply.code(400).view('pages/admin/user-new.njk', {
          actor,
          errors,
          values: body,
          roleItems: roleItems(body.role),
          csrfToken: csrfToken(reply),
          accountPaths,
        });
      const missing: [string, string][] = [];
      if (body.email.trim() === '') missing.push(['email', 'Enter their email address']);
      if (body.role === '') missing.push(['role', 'Choose a role']);
      if (missing.length) {
        requireAdmin(actor);
        return render(formErrors(missing));
      }
      try {
        const { user, passwordLink } = await accounts.users.addUser(actor, {
          email: body.email,
          name: body.name,
          role: body.role,
          councils: councilList(body.councils),
        });
        return reply.view('pages/admin/user-added.njk', {
          actor,
          user,
          link: passwordLink
            ? { url: `${publicUrl}${passwordLink.path}`, expiresAt: passwordLink.expiresAt }
            : undefined,
          accountPaths,
        });
      } catch (error) {
        return render(asFormErrors(error));
      }
    });

    scope.get<{ Params: { id: string } }>('/admin/users/:id', async (request, reply) =>
      userPage(reply, requireActor(request), parseId(request.params)),
    );

    scope.post<{ Params: { id: string } }>('/admin/users/:id/role', async (request, reply) => {
      const actor = requireActor(request);
      const id = parseId(request.params);
      const { role } = z.object({ role: z.string().max(50).default('') }).parse(request.body ?? {});
      try {
        await accounts.users.setRole(actor, id, role);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'last-admin')
          return userPage(reply, actor, id, formErrors([['role', error.message]]), 409);
        return userPage(reply, actor, id, asFormErrors(error), 400);
      }
      return reply.redirect(accountPaths.user(id), 303);
    });

    scope.post<{ Params: { id: string } }>('/admin/users/:id/councils', async (request, reply) => {
      const actor = requireActor(request);
      const id = parseId(request.params);
      const { councils } = z.object({ councils: z.string().max(5000).default('') }).parse(request.body ?? {});
      try {
        await accounts.users.setCouncils(actor, id, councilList(councils));
      } catch (error) {
        return userPage(reply, actor, id, asFormErrors(error), 400);
      }
      return reply.redirect(accountPaths.user(id), 303);
    });

    scope.post<{ Params: { id: string } }>('/admin/users/:id/password-link', async (request, reply) => {
      const actor = requireActor(request);
      const id = parseId(request.params);
      const link = await accounts.users.createPasswordLink(actor, id);
      const user = await accounts.users.getUser(actor, id);
      return reply.view('pages/admin/user-added.njk', {
        actor,
        user,
        link: { url: `${publicUrl}${link.path}`, expiresAt: link.expiresAt },
        newLink: true,
        accountPaths,
      });
    });

    scope.get<{ Params: { id: string } }>('/admin/users/:id/remove', async (request, reply) => {
      const actor = requireActor(request);
      const user = await accounts.users.getUser(actor, parseId(request.params));
      return reply.view('pages/admin/user-remove.njk', { actor, user, csrfToken: csrfToken(reply), accountPaths });
    });

    scope.post<{ Params: { id: string } }>('/admin/users/:id/remove', async (request, reply) => {
      const actor = requireActor(request);
      const id = parseId(request.params);
      try {
        await accounts.users.removeUser(actor, id);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'last-admin')
          return userPage(reply, actor, id, formErrors([['role', error.message]]), 409);
        throw error;
      }
      return reply.redirect(accountPaths.users, 303);
    });

    scope.post<{ Params: { id: string } }>('/admin/users/:id/tokens', async (request, reply) => {
      const actor = requireActor(request);
      const id = parseId(request.params);
      const { label } = z.object({ label: z.string().max(1000).default('') }).parse(request.body ?? {});
      try {
        const { token, secret } = await accounts.users.createToken(actor, id, label);
        return reply.view('pages/admin/token-created.njk', { actor, token, secret, accountPaths });
      } catch (error) {
        return userPage(reply, actor, id, asFormErrors(error), 400);
      }
    });

    scope.get(accountPaths.tokens, async (request, reply) => {
      const actor = requireActor(request);
      return reply.view('pages/admin/tokens.njk', {
        actor,
        tokens: await accounts.users.listTokens(actor),
        csrfToken: csrfToken(reply),
        accountPaths,
      });
    });

    scope.post<{ Params: { id: string } }>('/admin/tokens/:id/revoke', async (request, reply) => {
      const actor = requireActor(request);
      await accounts.users.revokeToken(actor, parseId(request.params));
      return reply.redirect(accountPaths.tokens, 303);
    });

    scope.get(accountPaths.audit, async (request, reply) => {
      const actor = requireActor(request);
      const parsed = auditQuery.safeParse(request.query ?? {});
      const query = parsed.success ? parsed.data : {};
      const errors = parsed.success
        ? NO_ERRORS
        : formErrors(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message] as const));
      const filter = {
        action: query.action || undefined,
        actorEmail: query.actorEmail || undefined,
        recordType: query.recordType || undefined,
        from: query.from || undefined,
        to: query.to || undefined,
        limit: 200,
      };
      const events = await accounts.audit.list(actor, filter);
      const csvQuery = new URLSearchParams(
        Object.entries(filter).filter(([key, value]) => key !== 'limit' && value !== undefined) as [string, string][],
      ).toString();
      return reply.code(parsed.success ? 200 : 400).view('pages/admin/audit.njk', {
        actor,
        events,
        values: query,
        errors,
        csvHref: `${accountPaths.auditCsv}${csvQuery ? `?${csvQuery}` : ''}`,
        accountPaths,
      });
    });

    scope.get(accountPaths.auditCsv, async (request, reply) => {
      const actor = requireActor(request);
      const query = auditQuery.parse(request.query ?? {});
      const events = await accounts.audit.list(actor, {
        action: query.action || undefined,
        actorEmail: query.actorEmail || undefined,
        recordType: query.recordType || undefined,
        from: query.from || undefined,
        to: query.to || undefined,
        limit: 100_000,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-trail.csv"')
        .send(auditEventsCsv(events));
    });
  });
}
