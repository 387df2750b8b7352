// `npm run user:create -- --email ada@newsroom.org --role ADMIN [--name "Ada Admin"]`
//
// Creates an account in DATABASE_URL with a generated one-time password,
// printed once. This is how the first admin of a new installation is made;
// after that, admins create accounts from /dashboard/users. The audit trail
// records the creation with no actor (via: 'cli').
//
// Exit codes: 0 created, 1 refused (the email exists) or failed, 2 bad arguments.

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { renderMessage } from '../lib/i18n/render-message';
import { cliCreateUserSchema } from '../lib/users/schema';

const USAGE = `Usage: npm run user:create -- --email <address> --role <EDITOR|MODERATOR|ADMIN> [--name "<full name>"]

Creates an Attest account in the database DATABASE_URL points at, and prints
its one-time password once.`;

function readArguments(argv: string[]): z.infer<typeof cliCreateUserSchema> | { problem: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { problem: '' };
  const parsed = cliCreateUserSchema.safeParse(values);
  // The schema's messages are catalogue keys (lib/i18n/message.ts); the operator reads them in English.
  if (!parsed.success) return { problem: parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${renderMessage(issue.message)}`).join('\n') };
  return parsed.data;
}

async function main(): Promise<number> {
  const input = readArguments(process.argv.slice(2));
  if ('problem' in input) {
    if (input.problem) console.error(`${input.problem}\n`);
    console.error(USAGE);
    return 2;
  }

  // Loaded only once the arguments are good: a usage error answers at once.
  const [{ MutationError }, { getPrisma }, { createUserAccount }] = await Promise.all([
    import('../lib/mutations/errors'),
    import('../lib/db'),
    import('../lib/users/mutations'),
  ]);
  let prisma: ReturnType<typeof getPrisma>;
  try {
    prisma = getPrisma();
  } catch (error) {
    // Typically DATABASE_URL unset: lib/env.ts explains what is missing.
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  try {
    const account = await createUserAccount(input, null, 'cli');
    console.log(`Created ${account.role} account ${account.email} (${account.name}).`);
    console.log(`One-time password: ${account.oneTimePassword}`);
    console.log('Copy this password now: it will not be shown again.');
    console.log('The account must choose its own password when it first signs in.');
    return 0;
  } catch (error) {
    if (error instanceof MutationError) {
      console.error(renderMessage(error.message));
      return 1;
    }
    console.error(`Could not create the account: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

process.exitCode = await main();
