import { notFound } from '@/lib/api/responses';
import { parseSitemapFileName } from '@/lib/sitemap/plan';
import { SITEMAP_HEADERS, sitemapFile } from '@/lib/sitemap/sitemap';

// The files a split sitemap's index lists: /sitemaps/{section}-{n}.xml.

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const { file: name } = await params;
  const file = parseSitemapFileName(name);
  const stream = file ? await sitemapFile(file) : null;
  if (!stream) return notFound(`Sitemap file "${name}"`);
  return new Response(stream, { headers: SITEMAP_HEADERS });
}
