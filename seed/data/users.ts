import type { Role } from '../../lib/generated/prisma/enums';

type SeedUser = { email: string; name: string; role: Role };

/**
 * The accounts the seed's verdicts are signed with. They cannot sign in (no
 * password, inactive): they only record that the curated corpus was written by
 * one editor and approved by a second, as every published verdict must be.
 */
export const seedNewsroomUsers: SeedUser[] = [
  { email: 'seed-author@attest.local', name: 'Attest newsroom (seed author)', role: 'EDITOR' },
  { email: 'seed-reviewer@attest.local', name: 'Attest newsroom (seed reviewer)', role: 'EDITOR' },
];

/** For trying Attest out only: seeded for the embedded database or with SEED_DEMO_USERS=1. */
export const DEMO_PASSWORD = 'attest-demo';

export const demoUsers: SeedUser[] = [
  { email: 'editor@attest.local', name: 'Elise Editor', role: 'EDITOR' },
  { email: 'reviewer@attest.local', name: 'Rémi Reviewer', role: 'EDITOR' },
  { email: 'moderator@attest.local', name: 'Maud Moderator', role: 'MODERATOR' },
  { email: 'admin@attest.local', name: 'Adam Admin', role: 'ADMIN' },
];
