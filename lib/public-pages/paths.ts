// The unprefixed paths of the reader's browsing pages (localizedPath or the
// navigation Link add the language). Keys are percent-encoded: tags hold
// spaces and accents ("troupes nord-coréennes").

export function claimantPath(slug: string): string {
  return `/claimants/${encodeURIComponent(slug)}`;
}

export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`;
}

export function ratingPath(key: string): string {
  return `/ratings/${encodeURIComponent(key)}`;
}

/** The rating's entry in the methodology page's scale. */
export function methodologyRatingPath(key: string): string {
  return `/methodology#rating-${encodeURIComponent(key)}`;
}
