import { stringify } from 'csv-stringify/sync';
import type { ExportedClaim } from './queries';

// What a researcher receives for each claim. JSON Lines: one JSON object per
// line, nested as below. CSV: one row per claim (a row counts one fact check),
// the verdict flattened into columns and the lists — tags, appearances,
// corrections — as JSON arrays of the same objects as in JSON Lines; CRLF
// line ends (RFC 4180) and a byte-order mark, so that Excel reads the UTF-8
// as UTF-8 (French accents, « »). Cells are exported verbatim, quotes
// included, so that offsets and hashes can be checked against them.

export type ExportRecord = ReturnType<typeof exportRecord>;

/** The claim as exported, with absolute URLs on `origin`. */
export function exportRecord(claim: ExportedClaim, origin: string) {
  return {
    slug: claim.slug,
    url: `${origin}${claim.path}`,
    status: claim.status,
    language: claim.language,
    claimant: claim.claimant,
    summary: claim.summary,
    text: claim.text,
    claimedAt: claim.claimedAt,
    publishedAt: claim.publishedAt,
    archivedAt: claim.archivedAt,
    tags: claim.tags,
    verdict: claim.verdict,
    appearances: claim.appearances.map(({ source: { path, ...source }, ...appearance }) => ({
      source: {
        id: source.id,
        /** The archived copy on this site, and its text for checking: GET /api/sources/{id}. */
        archiveUrl: `${origin}${path}`,
        apiUrl: `${origin}/api${path}`,
        url: source.url,
        title: source.title,
        sha256: source.sha256,
      },
      ...appearance,
    })),
    corrections: claim.corrections,
  };
}

export function jsonLines(claims: ExportedClaim[], origin: string): string {
  return claims.map((claim) => `${JSON.stringify(exportRecord(claim, origin))}\n`).join('');
}

export const csvColumns = [
  'slug',
  'url',
  'status',
  'language',
  'claimant_name',
  'claimant_slug',
  'summary',
  'text',
  'claimed_at',
  'published_at',
  'archived_at',
  'tags',
  'rating_key',
  'rating_label',
  'rating_value',
  'verdict_headline',
  'verdict_as_of',
  'verdict_published_at',
  'appearance_count',
  'appearances',
  'correction_count',
  'corrections',
] as const;

type CsvRow = Record<(typeof csvColumns)[number], string | number | null>;

export const csvSeparators = { comma: ',', semicolon: ';' } as const;
export type CsvSeparator = keyof typeof csvSeparators;

function csvRow(claim: ExportedClaim, origin: string): CsvRow {
  const record = exportRecord(claim, origin);
  return {
    slug: record.slug,
    url: record.url,
    status: record.status,
    language: record.language,
    claimant_name: record.claimant.name,
    claimant_slug: record.claimant.slug,
    summary: record.summary,
    text: record.text,
    claimed_at: record.claimedAt,
    published_at: record.publishedAt,
    archived_at: record.archivedAt,
    tags: JSON.stringify(record.tags),
    rating_key: record.verdict?.rating.key ?? null,
    rating_label: record.verdict?.rating.label ?? null,
    rating_value: record.verdict?.rating.value ?? null,
    verdict_headline: record.verdict?.headline ?? null,
    verdict_as_of: record.verdict?.asOf ?? null,
    verdict_published_at: record.verdict?.publishedAt ?? null,
    appearance_count: record.appearances.length,
    appearances: JSON.stringify(record.appearances),
    correction_count: record.corrections.length,
    corrections: JSON.stringify(record.corrections),
  };
}

const csvOptions = (separator: CsvSeparator) => ({ delimiter: csvSeparators[separator], record_delimiter: 'windows' as const, columns: [...csvColumns] });

/** The byte-order mark and the header row. */
export function csvHead(separator: CsvSeparator): string {
  return `\uFEFF${stringify([Object.fromEntries(csvColumns.map((column) => [column, column]))], csvOptions(separator))}`;
}

export function csvRows(claims: ExportedClaim[], origin: string, separator: CsvSeparator): string {
  return stringify(
    claims.map((claim) => csvRow(claim, origin)),
    csvOptions(separator),
  );
}
