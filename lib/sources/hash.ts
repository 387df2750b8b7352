import { createHash } from 'node:crypto';

/** Hex SHA-256 of the UTF-8 bytes of a source's archived text (what the database checks). */
export function sha256OfText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
