import { hashPassword } from '../../lib/auth/password';
import type { Prisma } from '../../lib/generated/prisma/client';
import type { Role } from '../../lib/generated/prisma/enums';
import { uniqueMarker } from './unique';

// Accounts a test needs besides the demo ones (which it must not disturb):
// shared by the integration tests (a Prisma client on their database clone)
// and the e2e suite (a Prisma client on the e2e database).

export type FactoryDb = Prisma.TransactionClient;

export type CreatedUser = { id: string; email: string; name: string; role: Role };

/**
 * An active account with a unique address. With a password it can sign in:
 * the password is hashed by the application's own hashPassword, so whatever
 * the sign-in verifies, the factory's accounts pass.
 */
export async function createUser(
  db: FactoryDb,
  options: { role?: Role; password?: string; active?: boolean; name?: string } = {},
): Promise<CreatedUser> {
  const marker = uniqueMarker();
  return db.user.create({
    data: {
      email: `user-${marker}@attest.local`,
      name: options.name ?? `Test user ${marker}`,
      role: options.role ?? 'EDITOR',
      active: options.active ?? true,
      passwordHash: options.password === undefined ? null : await hashPassword(options.password),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}
