/** The accounts side of the services, built once over the store: people, sign-in, the audit trail, workspaces. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import { createAccountsService, type AccountsService } from './accounts.service.ts';
import { createAuditService, type AuditService } from './audit.service.ts';
import {
  createAuthenticationService,
  type AuthenticationService,
  type LockoutPolicy,
  type SessionPolicy,
} from './authentication.service.ts';
import { createCouncilWorkspaceService, type CouncilWorkspaceService } from './council-workspace.service.ts';

export interface AccountsServices {
  readonly users: AccountsService;
  readonly authentication: AuthenticationService;
  readonly audit: AuditService;
  readonly workspaces: CouncilWorkspaceService;
}

export interface AccountsOptions {
  readonly now?: () => Date;
  readonly sessions?: SessionPolicy;
  readonly lockout?: LockoutPolicy;
}

export function createAccountsServices(db: Kysely<Database>, options: AccountsOptions = {}): AccountsServices {
  return {
    users: createAccountsService({ db, ...(options.now ? { now: options.now } : {}) }),
    authentication: createAuthenticationService({ db, ...options }),
    audit: createAuditService(db),
    workspaces: createCouncilWorkspaceService(db),
  };
}

export type { AccountsService, NewUserInput, PasswordLink } from './accounts.service.ts';
export type {
  AuthenticationService,
  SessionActor,
  SignInResult,
  SsoSignInResult,
  SessionPolicy,
  LockoutPolicy,
} from './authentication.service.ts';
export type { AuditService, AuditFilter } from './audit.service.ts';
export type { CouncilWorkspaceService, CouncilWorkspace, CouncilMember } from './council-workspace.service.ts';
export type { UserView, ApiTokenView, AuditEventView } from './account-views.ts';
