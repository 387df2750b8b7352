// The unprefixed paths of public pages that are not claims (lib/claims/queries.ts
// has claimPath): localizedPath (lib/i18n/locales.ts) puts them in a language.

/** A public source's page, the archived copy readers check quotes against. */
export function sourcePath(id: string): string {
  return `/sources/${encodeURIComponent(id)}`;
}

/** A claimant's page: who they are and their record. */
export function claimantPath(slug: string): string {
  return `/claimants/${encodeURIComponent(slug)}`;
}
