// The unprefixed paths of public pages that are not claims (lib/claims/queries.ts
// has claimPath): localizedPath (lib/i18n/locales.ts) or the navigation Link
// put them in a language. Keys are percent-encoded: tags hold spaces and
// accents ("troupes nord-coréennes").

/** A public source's page, the archived copy readers check quotes against. */
export function sourcePath(id: string): string {
  return `/sources/${encodeURIComponent(id)}`;
}

/** A claimant's page: who they are and their record. */
export function claimantPath(slug: string): string {
  return `/claimants/${encodeURIComponent(slug)}`;
}

/** The published claims carrying a tag, exactly as written. */
export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`;
}

/** A rating's meaning and the published claims it rates. */
export function ratingPath(key: string): string {
  return `/ratings/${encodeURIComponent(key)}`;
}
