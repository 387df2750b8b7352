import { parseSitemapFileName } from '@/lib/sitemap/plan';
import { SITEMAP_HEADERS, sitemapFile } from '@/lib/sitemap/sitemap';

// The files a split sitemap's index lists: /sitemaps/{section}-{n}.xml.

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const { file: name } = await params;
  const file = parseSitemapFileName(name);
  const stream = file ? await sitemapFile(file) : null;
  if (!stream) {
    return new Response('There is no such sitemap file: /sitemap.xml lists them.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(stream, { headers: SITEMAP_HEADERS });
}
