// Quote anchors, the W3C Web Annotation way: a TextQuoteSelector (exact, prefix,
// suffix) plus a TextPositionSelector (start, end). Offsets count Unicode code
// points, as the W3C model specifies and as PostgreSQL's substr() counts on a
// UTF-8 database — the database trigger re-checks every anchor with substr(),
// so the two must agree even for text outside the Basic Multilingual Plane.

export const CONTEXT_LENGTH = 32;

export type QuoteAnchor = {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

const SURROGATE = /[\uD800-\uDFFF]/;

/** Code-point view of a string; cheap identity mapping for BMP-only text. */
class CodePointText {
  private readonly points: string[] | null;

  constructor(readonly value: string) {
    this.points = SURROGATE.test(value) ? Array.from(value) : null;
  }

  get length(): number {
    return this.points ? this.points.length : this.value.length;
  }

  slice(start: number, end?: number): string {
    return this.points ? this.points.slice(start, end).join('') : this.value.slice(start, end);
  }

  /** Code-point offset of a UTF-16 index. */
  toCodePoint(utf16Index: number): number {
    return this.points ? Array.from(this.value.slice(0, utf16Index)).length : utf16Index;
  }
}

export function codePointLength(text: string): number {
  return new CodePointText(text).length;
}

export function sliceCodePoints(text: string, start: number, end?: number): string {
  return new CodePointText(text).slice(start, end);
}

/** Builds the full anchor for the code-point range [start, end) of `text`. */
export function anchorAt(text: string, start: number, end: number): QuoteAnchor {
  const view = new CodePointText(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > view.length) {
    throw new RangeError(`quote offsets [${start}, ${end}) are outside the text (length ${view.length})`);
  }
  return {
    exact: view.slice(start, end),
    prefix: view.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: view.slice(end, Math.min(view.length, end + CONTEXT_LENGTH)),
    start,
    end,
  };
}

export type AnchorProblem =
  | 'OUT_OF_RANGE'
  | 'EXACT_MISMATCH'
  | 'PREFIX_MISMATCH'
  | 'SUFFIX_MISMATCH';

/**
 * Checks an anchor against the text it points into; returns the first problem
 * found, or null when exact, prefix and suffix all sit where the offsets say.
 */
export function verifyAnchor(text: string, anchor: QuoteAnchor): AnchorProblem | null {
  const view = new CodePointText(text);
  const { start, end } = anchor;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > view.length) {
    return 'OUT_OF_RANGE';
  }
  if (view.slice(start, end) !== anchor.exact) return 'EXACT_MISMATCH';
  const prefixLength = codePointLength(anchor.prefix);
  if (prefixLength > start || view.slice(start - prefixLength, start) !== anchor.prefix) {
    return 'PREFIX_MISMATCH';
  }
  const suffixLength = codePointLength(anchor.suffix);
  if (end + suffixLength > view.length || view.slice(end, end + suffixLength) !== anchor.suffix) {
    return 'SUFFIX_MISMATCH';
  }
  return null;
}

// Editors type quotes by hand: the article may use ’ where they type ', « »
// with narrow no-break spaces where they type "", or a line break where they
// type a space. Matching folds those differences, but the stored `exact` is
// always the source's own characters.
const FOLDED_CHARACTERS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  '\u2013': '-', '\u2014': '-', '\u2011': '-', '\u2212': '-',
  '\u2026': '…',
};
const SPACE = /[\s\u00A0\u202F\u2007\u2009]/;

type FoldedText = { folded: string; originalIndex: number[] };

/** Folds typography and whitespace runs, remembering each folded char's origin. */
function foldForMatching(text: string, { trimEdges }: { trimEdges: boolean }): FoldedText {
  let folded = '';
  const originalIndex: number[] = [];
  let previousWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (SPACE.test(char)) {
      // French typography puts (no-break) spaces inside « »; typed quotes
      // rarely have them. Spaces next to a quote mark are dropped on both sides.
      if (!previousWasSpace && !folded.endsWith('"')) {
        folded += ' ';
        originalIndex.push(i);
      }
      previousWasSpace = true;
      continue;
    }
    previousWasSpace = false;
    const replaced = FOLDED_CHARACTERS[char] ?? char;
    // Keep the one-to-one mapping: skip lower-casings that change the length (İ → i̇).
    const lowered = replaced.toLowerCase();
    const foldedChar = lowered.length === replaced.length ? lowered : replaced;
    if (foldedChar === '"' && folded.endsWith(' ')) {
      folded = folded.slice(0, -1);
      originalIndex.pop();
    }
    folded += foldedChar;
    originalIndex.push(i);
  }
  if (trimEdges) {
    const trimmed = folded.trim();
    const lead = folded.length - folded.trimStart().length;
    return { folded: trimmed, originalIndex: originalIndex.slice(lead, lead + trimmed.length) };
  }
  return { folded, originalIndex };
}

/**
 * Every place where `quote` occurs in `text`, as anchors. Tries the verbatim
 * quote first; when it is absent, retries with typography and spacing folded
 * (the anchor then carries the source's characters, not the typed ones).
 * An empty result means "This quote is not in the source text"; more than one
 * means the editor must say which occurrence.
 */
export function locateQuote(text: string, quote: string): QuoteAnchor[] {
  const view = new CodePointText(text);
  const needle = quote.normalize('NFC');
  if (needle.trim() === '') return [];

  const verbatim: QuoteAnchor[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const start = view.toCodePoint(at);
    verbatim.push(anchorAt(text, start, start + codePointLength(needle)));
  }
  if (verbatim.length > 0) return verbatim;

  const haystack = foldForMatching(text, { trimEdges: false });
  const folded = foldForMatching(needle, { trimEdges: true }).folded;
  if (folded === '') return [];
  const found: QuoteAnchor[] = [];
  for (let at = haystack.folded.indexOf(folded); at !== -1; at = haystack.folded.indexOf(folded, at + 1)) {
    const firstOriginal = haystack.originalIndex[at];
    const lastOriginal = haystack.originalIndex[at + folded.length - 1];
    if (firstOriginal === undefined || lastOriginal === undefined) continue;
    // The last folded char may stand for a surrogate pair: include its low half.
    const endUtf16 = lastOriginal + (SURROGATE.test(text[lastOriginal] ?? '') ? 2 : 1);
    found.push(anchorAt(text, view.toCodePoint(firstOriginal), view.toCodePoint(endUtf16)));
  }
  return found;
}
