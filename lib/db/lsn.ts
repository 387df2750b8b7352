// PostgreSQL write-ahead-log positions ('16/B374D848': two hexadecimal
// halves of a 64-bit number). Compared as BigInt, never as text or as a
// float: '9/0' < '10/0', and positions pass 2^53.

/** The position as a number; throws on anything that is not an LSN. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match?.[1] || !match[2]) throw new Error(`not a PostgreSQL LSN: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The position in the same 'X/Y' form PostgreSQL prints. */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** Fixed-width hexadecimal: compares as text in the same order as the number (the Redis script relies on it). */
export function lsnSortKey(lsn: bigint): string {
  return lsn.toString(16).padStart(16, '0');
}
