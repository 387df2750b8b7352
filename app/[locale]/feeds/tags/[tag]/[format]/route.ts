import { factCheckFeedResponse } from '@/lib/feeds/fact-check-feed';

/** The published fact checks carrying one tag: /feeds/tags/{tag}/{rss,atom,json}. */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/feeds/tags/[tag]/[format]'>) {
  const { locale, tag, format } = await params;
  return factCheckFeedResponse({ kind: 'tag', tag }, locale, format);
}
