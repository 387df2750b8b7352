// The check a reader runs to verify a quote without trusting Attest's pages:
// fetch the archived source from the read API (GET /api/sources/{id}), hash
// its text, cut the quote out by its offsets. As the README says: `sha256` is
// the SHA-256 of the UTF-8 bytes of `text`, and `start`/`end` count Unicode
// code points (W3C Web Annotation TextPositionSelector), so
// Array.from(text).slice(start, end).join('') === exact.
//
// /methodology shows these commands as they are, and e2e/methodology.spec.ts
// runs what the page shows: a change here is a change to what readers run.

export type QuoteCheck = { sourceUrl: string; start: number; end: number };

/** The shell way: curl, jq (its explode/implode work on code points) and sha256sum. */
export function shellQuoteCheck({ sourceUrl, start, end }: QuoteCheck): string {
  return [
    `curl -s ${shellQuoted(sourceUrl)} > source.json`,
    'jq -j .text source.json | sha256sum',
    'jq -r .sha256 source.json',
    `jq -r '.text | explode | .[${integer(start)}:${integer(end)}] | implode' source.json`,
  ].join('\n');
}

/** The same check with Node.js alone (18 or later, for fetch). */
export function nodeQuoteCheck({ sourceUrl, start, end }: QuoteCheck): string {
  return [
    "node -e '",
    'const [url, start, end] = process.argv.slice(1);',
    'fetch(url).then((response) => response.json()).then((source) => {',
    '  const sha256 = require("node:crypto").createHash("sha256").update(source.text, "utf8").digest("hex");',
    '  console.log(sha256 === source.sha256 ? "SHA-256 OK" : "SHA-256 MISMATCH");',
    '  console.log(Array.from(source.text).slice(Number(start), Number(end)).join(""));',
    `});' ${shellQuoted(sourceUrl)} ${integer(start)} ${integer(end)}`,
  ].join('\n');
}

/** A URL inside single quotes, for any shell: a quote in it (none of ours has one) is closed, escaped and reopened. */
function shellQuoted(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not an offset: ${value}`);
  return String(value);
}
