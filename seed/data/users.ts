import type { Role } from '../../lib/generated/prisma/enums';
import { demoAccounts } from '../factories/demo-accounts';

export { DEMO_PASSWORD } from '../factories/demo-accounts';

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

// The demo accounts are listed once, in seed/factories/demo-accounts.ts.
export const demoUsers: SeedUser[] = Object.values(demoAccounts);
