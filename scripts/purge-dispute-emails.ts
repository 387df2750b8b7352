// `npm run disputes:purge`: deletes the contact email of every dispute closed
// more than 90 days ago (DATABASE_URL). Meant for a daily cron; a run with
// nothing to delete changes nothing.
import { getPrisma } from '../lib/db';
import { CONTACT_EMAIL_RETENTION_DAYS, purgeClosedDisputeEmails } from '../lib/disputes/mutations';

try {
  const purged = await purgeClosedDisputeEmails();
  console.log(`Disputes: deleted ${purged} contact email${purged === 1 ? '' : 's'} of disputes closed more than ${CONTACT_EMAIL_RETENTION_DAYS} days ago.`);
} catch (error) {
  console.error(`Purge failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await getPrisma().$disconnect();
}
