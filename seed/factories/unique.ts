import { randomBytes } from 'node:crypto';

/** A short random marker, so that records a test creates never collide with the seed's or another test's. */
export function uniqueMarker(): string {
  return randomBytes(4).toString('hex');
}
