import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The secrets of the readers' dispute form: the signed time the form was
// opened (its minimum fill time cannot be measured on a cached claim page,
// so the form has its own uncached page that signs it), the follow-up token
// (stored only as its hash), and the keyed hash under which a client address
// is counted by the rate limit (never the address itself).

/** A person needs more than this to read the form and write 20 characters; a robot does not. */
export const MIN_FILL_MS = 3_000;
/** An older form is refused ("reload"): its signature would otherwise be reusable for ever. */
export const MAX_FORM_AGE_MS = 24 * 60 * 60_000;

/** AUTH_SECRET signs sessions already: the form's signatures need no second secret to configure. */
export function formSigningSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: the readers’ dispute form signs its opening time with it.');
  return secret;
}

function mac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/** What a form token vouches for: this claim's form, showing this verdict, opened at this time. */
export type FormOpening = { claimId: string; verdictId: string; openedAt: Date };

export function signFormToken({ claimId, verdictId, openedAt }: FormOpening, secret: string): string {
  const time = String(openedAt.getTime());
  return `${time}.${verdictId}.${mac(secret, `dispute-form:${time}:${claimId}:${verdictId}`)}`;
}

export type FormTokenCheck =
  | { ok: true; verdictId: string; openedAt: Date }
  | { ok: false; reason: 'invalid' | 'too-fast' | 'expired' };

/** Checks the signature (for this claim), then the fill time: at least MIN_FILL_MS, at most MAX_FORM_AGE_MS. */
export function verifyFormToken(token: string, claimId: string, secret: string, now: Date): FormTokenCheck {
  const [time, verdictId, signature, extra] = token.split('.');
  if (!time || !/^\d{1,15}$/.test(time) || !verdictId || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(secret, `dispute-form:${time}:${claimId}:${verdictId}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const openedAt = new Date(Number(time));
  const elapsed = now.getTime() - openedAt.getTime();
  if (elapsed < MIN_FILL_MS) return { ok: false, reason: 'too-fast' };
  if (elapsed > MAX_FORM_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, verdictId, openedAt };
}

export function hashFollowUpToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 256 random bits for the reader's link; the database keeps only the hash. */
export function newFollowUpToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFollowUpToken(token) };
}

/**
 * The rate-limit key of a client address: keyed-hashed, so that the store
 * never holds addresses (an unkeyed hash of an IPv4 address is reversed by
 * trying all four billion).
 */
export function addressRateLimitKey(clientAddress: string, secret: string): string {
  return `dispute-address:${mac(secret, `dispute-address:${clientAddress}`)}`;
}
