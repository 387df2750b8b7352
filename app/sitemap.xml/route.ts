import { rootSitemap, SITEMAP_HEADERS } from '@/lib/sitemap/sitemap';

// A route handler rather than app/sitemap.ts: the file convention builds the
// whole sitemap in memory and writes no sitemap index (lib/sitemap/plan.ts).
// Read from the database at request time, never at build.
export const dynamic = 'force-dynamic';

export async function GET() {
  const sitemap = await rootSitemap();
  return new Response(sitemap.kind === 'index' ? sitemap.xml : sitemap.stream, { headers: SITEMAP_HEADERS });
}
