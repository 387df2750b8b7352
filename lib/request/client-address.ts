import { BlockList, isIP } from 'node:net';

// Who is on the other end of a request, for rate limits (sign-in today, the
// readers' dispute form later).
//
// The address comes from the TCP socket. Next.js does not expose it to a route:
// it only copies it into X-Forwarded-For when the client sent none, so a client
// that sends its own X-Forwarded-For hides it. scripts/serve.mjs, the HTTP entry
// point of `npm start` and of the e2e suite, therefore removes any copy of its
// peer-address header a client sent, sets it from `socket.remoteAddress`, and
// leaves the header's name on globalThis (below) so that this module believes
// the header only when that server is the one running. Under `next dev` or a
// bare `next start` every client is the one shared unknown address.
//
// Behind a reverse proxy the socket is the proxy. ATTEST_TRUSTED_PROXIES lists
// the proxies' addresses or CIDR ranges; X-Forwarded-For is then read from the
// right (the hop the proxy added last), skipping trusted proxies, and the first
// address that is not one of them is the client. Entries further left were
// written by the client and are never believed.

/** The address every request whose client cannot be told counts under: never under none. */
export const UNKNOWN_CLIENT_ADDRESS = 'unknown';

const PEER_HEADER_MARKER = Symbol.for('attest.peerAddressHeader');

/** The header scripts/serve.mjs sets from the socket, or null when another server runs Attest. */
export function trustedPeerAddressHeader(): string | null {
  const header: unknown = (globalThis as Record<symbol, unknown>)[PEER_HEADER_MARKER];
  return typeof header === 'string' && header.length > 0 ? header : null;
}

/**
 * The canonical text of an IP address (IPv4-mapped IPv6 as IPv4, IPv6
 * compressed and lower-cased, no zone, no port, no brackets), or null when
 * `raw` is not an address.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%[\w.-]+$/, '');
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return null;
  // The URL parser is the WHATWG serializer: one spelling per IPv6 address.
  const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped?.[1] || !mapped[2]) return canonical;
  const high = Number.parseInt(mapped[1], 16);
  const low = Number.parseInt(mapped[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

const familyOf = (address: string) => (isIP(address) === 4 ? 'ipv4' : 'ipv6');

export type TrustedProxies = {
  readonly isEmpty: boolean;
  /** `address` must be normalized (normalizeAddress). */
  includes(address: string): boolean;
};

/**
 * Parses ATTEST_TRUSTED_PROXIES: addresses or CIDR ranges, comma-separated
 * ("10.0.0.0/8, 2001:db8::/32, 127.0.0.1"). Throws with the entry at fault: a
 * typo must not silently trust nobody, or everybody.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const entry of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [rawAddress, rawPrefix, extra] = entry.split('/');
    const address = normalizeAddress(rawAddress);
    const prefix = rawPrefix === undefined ? undefined : /^\d{1,3}$/.test(rawPrefix) ? Number(rawPrefix) : Number.NaN;
    if (!address || extra !== undefined || (prefix !== undefined && Number.isNaN(prefix))) {
      throw new Error(`ATTEST_TRUSTED_PROXIES: "${entry}" is neither an IP address nor a CIDR range such as 10.0.0.0/8 or 2001:db8::/32.`);
    }
    const family = familyOf(address);
    // An IPv4-mapped range (::ffff:10.0.0.0/104) is the IPv4 range it maps.
    const mappedFromIpv6 = family === 'ipv4' && isIP(rawAddress?.replace(/^\[|\]$/g, '') ?? '') === 6;
    const bits = prefix === undefined ? undefined : mappedFromIpv6 ? prefix - 96 : prefix;
    const maxBits = family === 'ipv4' ? 32 : 128;
    if (bits !== undefined && (bits < 0 || bits > maxBits)) {
      throw new Error(`ATTEST_TRUSTED_PROXIES: the prefix length in "${entry}" must be between 0 and ${mappedFromIpv6 ? 128 : maxBits}.`);
    }
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
    count++;
  }
  return { isEmpty: count === 0, includes: (address) => count > 0 && list.check(address, familyOf(address)) };
}

let parsedFromEnv: { raw: string | undefined; proxies: TrustedProxies } | undefined;

/** ATTEST_TRUSTED_PROXIES, parsed once per value. */
export function trustedProxiesFromEnv(env: Record<string, string | undefined> = process.env): TrustedProxies {
  const raw = env.ATTEST_TRUSTED_PROXIES;
  if (parsedFromEnv && parsedFromEnv.raw === raw) return parsedFromEnv.proxies;
  const proxies = parseTrustedProxies(raw);
  parsedFromEnv = { raw, proxies };
  return proxies;
}

/**
 * The client's address: the socket's peer unless it is a trusted proxy, in
 * which case X-Forwarded-For is walked from the right past every trusted
 * proxy. UNKNOWN_CLIENT_ADDRESS when the peer is missing or a hop cannot be
 * parsed (nothing to its left can be believed).
 */
export function resolveClientAddress(
  peerAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
  trustedProxies: TrustedProxies,
): string {
  let address = normalizeAddress(peerAddress);
  if (!address) return UNKNOWN_CLIENT_ADDRESS;
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  while (trustedProxies.includes(address)) {
    const previous = hops.pop();
    // Every hop is a trusted proxy: the request came from the proxies' own network.
    if (previous === undefined) return address;
    const parsed = normalizeAddress(previous);
    if (!parsed) return UNKNOWN_CLIENT_ADDRESS;
    address = parsed;
  }
  return address;
}

/** The client address of the request these headers came with (see the top of this file). */
export function clientAddressFromHeaders(headers: Headers, trustedProxies: TrustedProxies = trustedProxiesFromEnv()): string {
  const peerHeader = trustedPeerAddressHeader();
  if (!peerHeader) return UNKNOWN_CLIENT_ADDRESS;
  return resolveClientAddress(headers.get(peerHeader), headers.get('x-forwarded-for'), trustedProxies);
}
