import assert from 'node:assert/strict';
import { type DemoAccountName, demoAccountNames, demoAccounts } from '../../seed/factories/demo-accounts';
import { getPrisma } from '../db';
import type { Actor } from '../permissions';
import { findActiveActor } from '../users/queries';
import { createTestDatabase, type TestDatabase } from './test-database';

export type DemoActorName = DemoAccountName;
export type DemoActors = Record<DemoActorName, Actor>;
export type SeededDatabase = TestDatabase & { actors: DemoActors };

/**
 * For a test file's `before`: clones the seeded template database, points
 * lib/db at it (before its lazily-created client first connects, so mutations
 * under test write to the clone) and loads the seeded demo users as actors.
 */
export async function openSeededDatabase(): Promise<SeededDatabase> {
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const actors = {} as DemoActors;
  for (const name of demoAccountNames) {
    const { email } = demoAccounts[name];
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const actor = await findActiveActor(user.id);
    assert.ok(actor, `${email} should be an active demo user`);
    actors[name] = actor;
  }
  return { ...db, actors };
}

/** For a test file's `after`: closes lib/db's client, then drops the clone. */
export async function closeSeededDatabase(db: SeededDatabase | undefined): Promise<void> {
  await getPrisma().$disconnect();
  await db?.drop();
}
