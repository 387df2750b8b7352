// WCAG 2.x contrast between a rating's colour and the white text of its badge
// (app/components/rating-badge.tsx). Normal-size text needs 4.5:1 (success
// criterion 1.4.3, level AA): the scale's admin page refuses less, and a unit
// test holds every seeded colour to it.

/** The least contrast a rating colour must have against white text. */
export const MIN_RATING_CONTRAST = 4.5;

/** How the rating scale stores a colour: "#rrggbb", lower case. */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/;

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a "#rrggbb" colour, or null for anything else. */
export function relativeLuminance(colour: string): number | null {
  const hex = colour.trim().toLowerCase();
  if (!HEX_COLOUR.test(hex)) return null;
  const [red, green, blue] = [1, 3, 5].map((at) => channel(Number.parseInt(hex.slice(at, at + 2), 16)));
  return 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
}

/** The contrast ratio (1–21) of two "#rrggbb" colours, or null if either is not one. */
export function contrastRatio(first: string, second: string): number | null {
  const a = relativeLuminance(first);
  const b = relativeLuminance(second);
  if (a === null || b === null) return null;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** A badge colour's contrast against its white text. */
export function contrastWithWhiteText(colour: string): number | null {
  return contrastRatio(colour, '#ffffff');
}

/** The ratio as people quote it: rounded down to two decimals, so that 4.499 never reads "4.50". */
export function roundedRatio(ratio: number): number {
  return Math.floor(ratio * 100) / 100;
}
