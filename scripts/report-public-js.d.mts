type Size = { files: number; raw: number; gzip: number };
export type RouteJavaScript = {
  /** "/[locale]/claims/[slug]", "/dashboard" (route groups left out). */
  route: string;
  /** A reader page (app/[locale]/…, and the not-found page): the budget applies. */
  reader: boolean;
  /** What the HTML Next renders for the route loads. */
  built: Size;
  /** What the browser gets from scripts/serve.mjs. */
  sent: Size;
  biggest: { file: string; raw: number; gzip: number }[];
};
/** 100 kB (1000 bytes each) of gzip per reader page. */
export const BUDGET_BYTES: number;
/** Every App Router page of the build in `dir` (a .next directory). */
export function measureBuild(dir: string): RouteJavaScript[];
