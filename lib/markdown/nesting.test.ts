import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_MARKDOWN_NESTING, markdownNestingDepth } from './nesting';

test('counts the blockquote and list markers that open a line, and list indentation', () => {
  assert.equal(markdownNestingDepth('Un paragraphe, sans rien de plus.'), 0);
  assert.equal(markdownNestingDepth('> citée'), 1);
  assert.equal(markdownNestingDepth('> > > trois'), 3);
  assert.equal(markdownNestingDepth('>>>trois'), 3);
  assert.equal(markdownNestingDepth('- a\n  - b\n    - c'), 3);
  assert.equal(markdownNestingDepth('1. un\n2) deux'), 1);
  assert.equal(markdownNestingDepth('> - 1. mêlés'), 3);
  assert.equal(markdownNestingDepth('\t- tabulé'), 3);
});

test('emphasis, rules and numbers inside a sentence are not nesting', () => {
  assert.equal(markdownNestingDepth('*important* et **gras**\n\n***\n\n-1 degré, 2024.'), 0);
  assert.equal(markdownNestingDepth('Le 12. mai'), 0);
});

test('the hostile case is far past the limit, the realistic one far below', () => {
  assert.equal(markdownNestingDepth(`${'>'.repeat(2000)} x`), 2000);
  assert.ok(markdownNestingDepth('> a\n> > b\n\n- c\n  - d') < MAX_MARKDOWN_NESTING / 4);
});
