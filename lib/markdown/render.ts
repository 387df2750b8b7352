import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { MAX_MARKDOWN_NESTING, markdownNestingDepth } from './nesting';

// Explanations are Markdown written by editors. They are rendered to HTML once,
// through an allow-list sanitizer, wherever they are shown (public page, API
// consumers that ask for HTML, the editor's live preview): `<script>`,
// `javascript:` URLs and event-handler attributes never reach a page.

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], td: ['align'], th: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings inside an explanation must not compete with the page's own h1/h2.
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }),
  },
  allowedSchemesAppliedToAttributes: ['href'],
};
SANITIZE_OPTIONS.allowedAttributes = { a: ['href', 'title', 'rel'], td: ['align'], th: ['align'] };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text as it was typed, escaped: paragraphs at blank lines, line breaks kept (also feeds' summaries). */
export function plainTextHtml(text: string): string {
  return text
    .split(/(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)+/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${paragraph.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c).replace(/\r\n?|\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * Markdown → sanitized HTML, safe to inject into a page. It never throws: a
 * stored text nested deeper than the renderer can take (the save refuses it,
 * but rows can predate the rule or come from outside the app), or any other
 * renderer failure, is shown as escaped plain text rather than taking down
 * the page that shows it — the public claim page, or the review page where
 * the verdict would otherwise be stuck.
 */
export function renderMarkdown(markdown: string): string {
  if (markdownNestingDepth(markdown) > MAX_MARKDOWN_NESTING) return plainTextHtml(markdown);
  try {
    return sanitizeHtml(marked.parse(markdown, { async: false }), SANITIZE_OPTIONS);
  } catch (error) {
    console.warn(`Markdown shown as plain text: the renderer failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
    return plainTextHtml(markdown);
  }
}
