// opentype.js 2 ships no types: the little the share image's font check reads.
declare module 'opentype.js/dist/opentype.mjs' {
  export type Font = { tables: { cmap?: { glyphIndexMap?: Record<string, number> } } };
  export function parse(data: ArrayBuffer): Font;
}
