// marked parses nested blockquotes and lists recursively: 2,000 ">" in a row
// overflow its stack (a RangeError that took down every page showing the
// text). Real explanations nest two or three levels; this bound is far above
// that and far below what the renderer can take inside a page render. The
// save refuses deeper text (lib/validation/fields.ts markdownText) and the
// renderer shows a deeper stored text as plain text (render.ts).
//
// No dependencies: the verdict form imports this through its schema.

export const MAX_MARKDOWN_NESTING = 20;

/** One container marker at the start of what is left of a line: ">", "-", "+", "*", "1." or "1)". */
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;
const LEADING_WHITESPACE = /^[ \t]*/;

function indentationColumns(whitespace: string): number {
  let columns = 0;
  for (const character of whitespace) columns += character === '\t' ? 4 - (columns % 4) : 1;
  return columns;
}

/**
 * How deeply the text nests blockquotes and lists, over-estimated on purpose:
 * every container marker at a line's start counts one level, and the line's
 * indentation before its first marker counts one level per two columns
 * (how nested lists are written). A line without a marker counts nothing.
 */
export function markdownNestingDepth(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split(/\r\n?|\n/)) {
    let markers = 0;
    CONTAINER_MARKER.lastIndex = 0;
    while (CONTAINER_MARKER.test(line)) markers += 1;
    if (markers === 0) continue;
    const indentation = indentationColumns(LEADING_WHITESPACE.exec(line)?.[0] ?? '');
    deepest = Math.max(deepest, markers + Math.floor(indentation / 2));
  }
  return deepest;
}
