import { prisma } from '../db';

export async function recordSignInAttempts(keys: string[], succeeded: boolean): Promise<void> {
  await prisma.signInAttempt.createMany({ data: keys.map((key) => ({ key, succeeded })) });
}
