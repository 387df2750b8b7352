import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

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

/** Markdown → sanitized HTML, safe to inject into a page. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
