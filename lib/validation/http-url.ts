// An http(s) address typed into a form (a source's URL, a claimant's "same
// as" links). No Prisma, no server-only: the forms' schemas import it.

/** The address as the WHATWG URL parser writes it (lower-case host, no #fragment), or null when it is not http(s). */
export function normaliseHttpUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return null;
  const url = new URL(value);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  url.hash = '';
  return url.href;
}
