import type { Role } from '../../lib/generated/prisma/enums';
import list from './demo-accounts.json' with { type: 'json' };

// The demo accounts, listed once (demo-accounts.json, so that the plain-Node
// launcher scripts/start.mjs can print them too): the seed creates them
// (embedded database, or SEED_DEMO_USERS=1), the integration tests act as
// them, the e2e suite signs in as them, and the README's table is checked
// against this list.

export type DemoAccount = { email: string; name: string; role: Role };

/** For trying Attest out only, never on a production database. */
export const DEMO_PASSWORD: string = list.password;

/** `reviewer` is the second editor, who approves what the first one writes. */
export const demoAccounts = list.accounts as {
  editor: DemoAccount;
  reviewer: DemoAccount;
  moderator: DemoAccount;
  admin: DemoAccount;
};

export type DemoAccountName = keyof typeof demoAccounts;

export const demoAccountNames = Object.keys(demoAccounts) as DemoAccountName[];
