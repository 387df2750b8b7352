import { type ClaimListCursor, decodeClaimListCursor } from '../claims/schema';

/** A page's query parameter as one string (a repeated ?after=…&after=… names no page: ignored). */
export function singleParam(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The `after` cursor of a public claim list; anything not ours shows the first page. */
export function claimListCursorParam(value: string | string[] | undefined): ClaimListCursor | null {
  const raw = singleParam(value);
  return raw === null ? null : decodeClaimListCursor(raw);
}
