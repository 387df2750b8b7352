// This listing's later pages (?after=…), rendered per request: lib/public-pages/paged.ts.
export { default, generateMetadata } from '../page';

export const dynamic = 'force-dynamic';
