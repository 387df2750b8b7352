import { countRecentSignInFailures } from '../users/queries';
import { recordSignInAttempts } from '../users/mutations';

// Failed sign-ins are counted per account and per client address, in
// PostgreSQL so that every app instance shares the counters.
// An address gets a larger allowance than an account: a newsroom's staff
// often share one office address, and one person's typos must not lock out
// their colleagues.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILED_SIGN_INS = 5;
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 25;

export function signInThrottleKeys(email: string, ip: string | null): string[] {
  return [`email:${email.trim().toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}

function limitFor(key: string): number {
  return key.startsWith('ip:') ? MAX_FAILED_SIGN_INS_PER_ADDRESS : MAX_FAILED_SIGN_INS;
}

export async function isSignInThrottled(keys: string[], now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const counts = await Promise.all(keys.map((key) => countRecentSignInFailures(key, since)));
  return counts.some((count, index) => count >= limitFor(keys[index] ?? ''));
}

export async function recordSignInOutcome(keys: string[], succeeded: boolean): Promise<void> {
  await recordSignInAttempts(keys, succeeded);
}

/** The client's address as the first proxy saw it, or null when unknown. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const candidate = forwarded || headers.get('x-real-ip')?.trim();
  return candidate && /^[0-9a-f.:]{2,45}$/i.test(candidate) ? candidate : null;
}
