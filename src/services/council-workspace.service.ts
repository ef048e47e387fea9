/**
 * A council's workspace: its private side (improvement plans will live here). Today: the council's
 * people and their roles. Seen by the council's assigned users and by admins; to everyone else it
 * does not exist (404), so its existence is never confirmed.
 */
import type { Kysely } from 'kysely';
import { canReadCouncil, canWriteCouncil, type Actor, type Role } from '../domain/actor.ts';
import { NotAuthenticatedError, NotFoundError } from '../errors.ts';
import { findCouncilRow, listCouncilMemberRecords, type Database } from '../store/index.ts';

export interface CouncilMember {
  readonly name: string;
  readonly email: string;
  readonly role: Role;
}

export interface CouncilWorkspace {
  readonly urn: string;
  readonly name: string;
  readonly members: readonly CouncilMember[];
  /** Whether the actor may change this council's private data. */
  readonly canWrite: boolean;
}

export interface CouncilWorkspaceService {
  get(actor: Actor | null, urn: string): Promise<CouncilWorkspace>;
}

export function createCouncilWorkspaceService(db: Kysely<Database>): CouncilWorkspaceService {
  return {
    async get(actor, urn) {
      if (actor === null) throw new NotAuthenticatedError();
      const hidden = new NotFoundError('There is no such council workspace.');
      if (!canReadCouncil(actor, urn)) throw hidden;
      const council = await findCouncilRow(db, urn);
      if (!council) throw hidden;
      const members = (await listCouncilMemberRecords(db, urn)).map((user) => ({
        name: user.name,
        email: user.email,
        role: user.role,
      }));
      return { urn, name: council.name, members, canWrite: canWriteCouncil(actor, urn) };
    },
  };
}
