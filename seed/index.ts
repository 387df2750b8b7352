// `npm run db:seed`: creates the missing parts of the seed corpus in DATABASE_URL.
import { getPrisma } from '../lib/db';
import { seedDatabase } from './seed-database';

const demoUsers = process.env.SEED_DEMO_USERS === '1' || process.env.SEED_DEMO_USERS === 'true';
const prisma = getPrisma();

try {
  const { created } = await seedDatabase(prisma, { demoUsers });
  const summary = Object.entries(created)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
  console.log(summary ? `Seed: created ${summary}.` : 'Seed: nothing to do, the corpus is already there.');
} catch (error) {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
