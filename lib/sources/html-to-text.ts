import { convert } from 'html-to-text';

// Uploaded articles become the raw text the importer cleans. The conversion
// only has to keep the words and the paragraph breaks: the importer then
// drops the page furniture line by line and shows the editor what it removed.

/** Elements that never hold article prose: dropped with their content. */
const SKIPPED_ELEMENTS = ['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'nav', 'form', 'button', 'select'];

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Plain text of an HTML page: no line wrapping, no link targets, headings as written. */
export function htmlToArticleText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...SKIPPED_ELEMENTS.map((selector) => ({ selector, format: 'skip' })),
      // A quote must read as the article reads: no "[https://…]" after link text, no images' alt text.
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', format: 'block' },
      { selector: 'ul', options: { itemPrefix: '- ' } },
    ],
  });
}

const CHARSET_DECLARATION = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/**
 * Byte-order marks, which say the encoding outright. Windows Notepad saves
 * "Unicode" text as UTF-16LE with a BOM: read as UTF-8 or Windows-1252, every
 * other byte would be a NUL.
 */
const BYTE_ORDER_MARKS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function encodingFromByteOrderMark(bytes: Uint8Array): string | null {
  const mark = BYTE_ORDER_MARKS.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  return mark?.encoding ?? null;
}

/**
 * Decodes an uploaded file: by its byte-order mark when it has one (UTF-8,
 * UTF-16LE, UTF-16BE; the mark itself is dropped); else UTF-8 when the bytes
 * are valid UTF-8; otherwise the charset an HTML page declares, or
 * Windows-1252 (what older French news sites that are not UTF-8 use), so
 * accented letters survive either way.
 */
export function decodeUploadedText(bytes: Uint8Array, isHtml: boolean): string {
  const marked = encodingFromByteOrderMark(bytes);
  if (marked) return new TextDecoder(marked).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
    const declared = isHtml ? CHARSET_DECLARATION.exec(head)?.[1] : undefined;
    try {
      return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
    } catch {
      // An unknown charset label: fall back rather than refuse the file.
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

export type UploadKind = 'text' | 'html';

/** The kind of article file, from its name or else its media type; null when it is neither. */
export function uploadKind(file: { name: string; type: string }): UploadKind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.txt')) return 'text';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  if (/\.[a-z0-9]+$/.test(name)) return null;
  if (file.type.startsWith('text/plain')) return 'text';
  if (file.type.startsWith('text/html')) return 'html';
  return null;
}

/** The raw article text of an uploaded .txt or .html file. */
export async function articleTextFromUpload(file: Blob, kind: UploadKind): Promise<string> {
  const text = decodeUploadedText(new Uint8Array(await file.arrayBuffer()), kind === 'html');
  return kind === 'html' ? htmlToArticleText(text) : text;
}
