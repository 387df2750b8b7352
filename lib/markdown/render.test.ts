import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from './render';

test('renders the Markdown editors use', () => {
  const html = renderMarkdown('**Ce que montrent les sources.** Voir [l’article](https://example.org/a).\n\n- un\n- deux');
  assert.match(html, /<strong>Ce que montrent les sources\.<\/strong>/);
  assert.match(html, /<a href="https:\/\/example\.org\/a" rel="nofollow noopener noreferrer">l’article<\/a>/);
  assert.match(html, /<ul>\s*<li>un<\/li>/);
});

test('never lets scripts, javascript: URLs or event handlers through', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '[click](javascript:alert(1))',
    '<img src=x onerror="alert(1)">',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<p onclick="alert(1)">p</p>',
    '<iframe src="https://evil.example"></iframe>',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
  ].join('\n\n');
  const html = renderMarkdown(hostile);
  assert.doesNotMatch(html, /<script|javascript:|onerror|onclick|<iframe|data:text/i);
});

test('demotes headings below the page title', () => {
  assert.equal(renderMarkdown('# Titre').trim(), '<h3>Titre</h3>');
});

test('a text nested thousands of levels deep renders as escaped plain text instead of overflowing the stack', () => {
  for (const hostile of [`${'>'.repeat(2000)} <b>x</b>`, `${'- '.repeat(2000)}x`, `${'1. '.repeat(2000)}x`, `${'> - '.repeat(1000)}x`]) {
    const html = renderMarkdown(`Intro\n\n${hostile}`);
    assert.match(html, /^<p>Intro<\/p>/);
    assert.doesNotMatch(html, /<b>|<blockquote>/);
    assert.ok(html.includes(hostile.slice(0, 40).replace(/>/g, '&gt;').replace(/</g, '&lt;')));
  }
});

test('ordinary nesting still renders as Markdown', () => {
  assert.match(renderMarkdown('> citée\n>> dans une citation\n\n- a\n  - b\n    - c'), /<blockquote>\s*<p>citée<\/p>\s*<blockquote>/);
});
