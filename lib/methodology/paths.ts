// Where the methodology explains a rating. Every rating badge on the public
// pages links there; the ids are stable because rating keys never change
// (lib/ratings/schema.ts: lower-case letters, digits and hyphens).

export const METHODOLOGY_PATH = '/methodology';

/** The id of a rating's entry on the methodology page. */
export function ratingAnchorId(key: string): string {
  return `rating-${key}`;
}

/** The unprefixed path of a rating's entry, e.g. /methodology#rating-mostly-true. */
export function methodologyRatingPath(key: string): string {
  return `${METHODOLOGY_PATH}#${encodeURIComponent(ratingAnchorId(key))}`;
}
