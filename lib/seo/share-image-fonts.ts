import { readFile } from 'node:fs/promises';
import path from 'node:path';
// The ES module build, for both the bundler and Node (the package's main is a UMD bundle whose exports Node cannot name).
import { parse as parseFont } from 'opentype.js/dist/opentype.mjs';

// The share image's fonts: Noto Sans from the @fontsource/noto-sans npm
// package (SIL Open Font License 1.1), as WOFF — satori reads TTF, OTF and
// WOFF, not WOFF2 — in the Latin, Latin Extended and Cyrillic subsets, regular
// and bold. Nothing is downloaded: next/og would fetch a font from Google
// Fonts (and emoji from a CDN) for any character the fonts lack, so every
// text drawn goes through renderableText first, which keeps only what these
// fonts can draw.

const FONT_DIRECTORY = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files');
const SUBSETS = ['latin', 'latin-ext', 'cyrillic'] as const;
const WEIGHTS = [400, 700] as const;

/** The family the card asks for; the other subsets are satori's fallbacks, tried in this order. */
export const SHARE_IMAGE_FONT_FAMILY = 'Noto Sans latin';

export type ShareImageFont = { name: string; data: ArrayBuffer; weight: (typeof WEIGHTS)[number]; style: 'normal' };

export type ShareImageFonts = {
  fonts: ShareImageFont[];
  /** Each subset's code points (drawn in both weights), in fallback order. */
  coverage: Set<number>[];
};

let loaded: Promise<ShareImageFonts> | undefined;

export function shareImageFonts(): Promise<ShareImageFonts> {
  loaded ??= loadFonts().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function loadFonts(): Promise<ShareImageFonts> {
  const fonts: ShareImageFont[] = [];
  const coverage: Set<number>[] = [];
  for (const subset of SUBSETS) {
    const perWeight: Set<number>[] = [];
    for (const weight of WEIGHTS) {
      const file = await readFile(path.join(FONT_DIRECTORY, `noto-sans-${subset}-${weight}-normal.woff`));
      const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
      fonts.push({ name: `Noto Sans ${subset}`, data, weight, style: 'normal' });
      perWeight.push(codePoints(data));
    }
    const [regular, ...others] = perWeight;
    coverage.push(new Set([...(regular ?? [])].filter((point) => others.every((other) => other.has(point)))));
  }
  return { fonts, coverage };
}

function codePoints(data: ArrayBuffer): Set<number> {
  const font = parseFont(data);
  return new Set(Object.entries(font.tables.cmap?.glyphIndexMap ?? {}).flatMap(([point, glyph]) => (glyph > 0 ? [Number(point)] : [])));
}

// Spaces the fonts lack, drawn as one they have: French typography puts a
// narrow no-break space (U+202F) before ; ! ? and in « ».
const SPACE_SUBSTITUTES: Record<string, string> = { '\u202f': '\u00a0', '\u2007': '\u00a0', '\u205f': ' ', '\u3000': ' ' };
const MISSING = '…';
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The text with every character these fonts cannot draw replaced (a run of
 * them by one "…"), so that satori never asks for another font. A grapheme is
 * drawn by the first subset that has its first code point (as satori picks
 * it), so that subset must have all of them.
 */
export function renderableText(text: string, coverage: Set<number>[]): string {
  let result = '';
  let missing = false;
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    const grapheme = SPACE_SUBSTITUTES[segment] ?? segment;
    const points = [...grapheme].map((character) => character.codePointAt(0) ?? 0);
    const first = points[0] ?? 0;
    const font = coverage.find((subset) => subset.has(first));
    if (font && points.every((point) => font.has(point))) {
      result += grapheme;
      missing = false;
    } else if (!missing) {
      result += MISSING;
      missing = true;
    }
  }
  return result;
}
