import type { Role } from '../../lib/generated/prisma/enums';

// The demo accounts, listed once: the seed creates them (embedded database, or
// SEED_DEMO_USERS=1), the integration tests act as them, the e2e suite signs
// in as them, and the README's table is checked against this list.

export type DemoAccount = { email: string; name: string; role: Role };

/** For trying Attest out only, never on a production database. */
export const DEMO_PASSWORD = 'attest-demo';

export const demoAccounts = {
  editor: { email: 'editor@attest.local', name: 'Elise Editor', role: 'EDITOR' },
  /** The second editor, who approves what the first one writes. */
  reviewer: { email: 'reviewer@attest.local', name: 'Rémi Reviewer', role: 'EDITOR' },
  moderator: { email: 'moderator@attest.local', name: 'Maud Moderator', role: 'MODERATOR' },
  admin: { email: 'admin@attest.local', name: 'Adam Admin', role: 'ADMIN' },
} as const satisfies Record<string, DemoAccount>;

export type DemoAccountName = keyof typeof demoAccounts;

export const demoAccountNames = Object.keys(demoAccounts) as DemoAccountName[];
