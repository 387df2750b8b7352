import type { Role } from './generated/prisma/enums';
import { message } from './i18n/message';
import { MutationError } from './mutations/errors';

// The single source of truth for who may do what. Every server action and
// every non-public read asks `can(actor, permission)` inside the data-access
// layer; the proxy and the pages only hide what the actor cannot use.
// Anonymous readers have no entry: they only ever see published content.

export const permissions = [
  'dashboard.read',
  /** Change one's own account: dashboard language, password. Every role, for themselves only. */
  'account.update',
  'source.create',
  /** Edit a saved source's metadata (never its archived text). */
  'source.update',
  'claimant.create',
  'claimant.update',
  'claim.create',
  'claim.update',
  /** Approve or reject another editor's proposed revision of a published claim. */
  'claim.review',
  'claim.archive',
  'appearance.create',
  'appearance.delete',
  'relation.create',
  'relation.delete',
  'verdict.draft',
  'verdict.submit',
  'verdict.review',
  /** Read readers' disputes: all of them (moderators, admins), or those on one's own claims (editors). */
  'dispute.read',
  /** Decide disputes: take, reject, mark as duplicate, uphold, confirm. */
  'dispute.moderate',
  'user.manage',
  'rating.manage',
] as const;

export type Permission = (typeof permissions)[number];

const EDITORIAL: Permission[] = [
  'dashboard.read',
  'account.update',
  'source.create',
  'source.update',
  'claimant.create',
  'claimant.update',
  'claim.create',
  'claim.update',
  'claim.review',
  'appearance.create',
  'appearance.delete',
  'relation.create',
  'relation.delete',
  'verdict.draft',
  'verdict.submit',
  'verdict.review',
  'dispute.read',
];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  EDITOR: new Set(EDITORIAL),
  // Moderators read the newsroom's work and handle disputes; they never edit it.
  MODERATOR: new Set<Permission>(['dashboard.read', 'account.update', 'dispute.read', 'dispute.moderate']),
  ADMIN: new Set<Permission>(permissions),
};

/** Who is acting: re-read from the database for every mutation (see lib/auth/actor.ts). */
/** `locale`: the dashboard language the user chose ('fr' | 'en'), null while they have not. */
export type Actor = { id: string; name: string; email: string; role: Role; locale: string | null };

export function can(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): boolean {
  return !!actor && rolePermissions[actor.role].has(permission);
}

/** A MutationError like every other refusal, so that actions handle one error type. */
export class ForbiddenError extends MutationError {
  constructor(readonly permission: Permission) {
    super('FORBIDDEN', message('errors.forbidden'));
    this.name = 'ForbiddenError';
  }
}

/** Throws ForbiddenError unless the actor holds the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}
