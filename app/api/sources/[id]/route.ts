import type { NextRequest } from 'next/server';
import { notFound, publicJson } from '@/lib/api/responses';
import { getPublicSource } from '@/lib/sources/cache';

export async function GET(_request: NextRequest, { params }: RouteContext<'/api/sources/[id]'>) {
  const { id } = await params;
  const source = await getPublicSource(id);
  if (!source) return notFound(`Source "${id}"`);
  const { quotes: _quotes, ...archived } = source;
  return publicJson(archived);
}
