import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

/** Links between public pages keep the reader's language (prefixing /en/… where needed). */
export const { Link, getPathname, usePathname } = createNavigation(routing);
