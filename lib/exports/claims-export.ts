import { keysetBatches, streamBatches } from '../streaming/keyset-stream';
import { type ExportedClaim, readExportedClaims } from './queries';
import { type CsvSeparator, csvHead, csvRows, jsonLines } from './serialize';

// GET /api/exports/claims.csv and /api/exports/claims.jsonl: every public
// claim, streamed 500 claims a query; never the whole table in memory.

export const exportFormats = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ClaimExportOptions = {
  /** Absolute base of the URLs in the export. */
  origin: string;
  separator?: CsvSeparator;
  batchSize?: number;
  /** The batch read (tests count its calls). */
  read?: typeof readExportedClaims;
};

const BATCH_SIZE = 500;

export function claimExportStream(format: ExportFormat, { origin, separator = 'comma', batchSize = BATCH_SIZE, read = readExportedClaims }: ClaimExportOptions) {
  const batches = keysetBatches<ExportedClaim, string>({ read, keyOf: (claim) => claim.id, batchSize });
  return format === 'csv'
    ? streamBatches({ head: csvHead(separator), batches, serialize: (claims) => csvRows(claims, origin, separator) })
    : streamBatches({ batches, serialize: (claims) => jsonLines(claims, origin) });
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/jsonl; charset=utf-8',
};

/** Response headers: a download named for the day it was taken. */
export function exportHeaders(format: ExportFormat, now: Date = new Date()): HeadersInit {
  return {
    'Content-Type': exportContentTypes[format],
    'Content-Disposition': `attachment; filename="attest-claims-${now.toISOString().slice(0, 10)}.${format}"`,
    'Cache-Control': 'public, max-age=300',
    'Access-Control-Allow-Origin': '*',
  };
}
