// The corrections log's public addresses. An entry's id is its anchor on the
// log, which the feeds use as their entries' stable ids.

export const CORRECTIONS_PATH = '/corrections';

export function correctionAnchorId(id: string): string {
  return `correction-${id}`;
}
