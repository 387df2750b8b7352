'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './dashboard-nav.module.css';

export type DashboardNavLink = { href: string; label: string };

/**
 * The dashboard's sections. The link of the page shown is aria-current="page";
 * a section's link stays marked (aria-current="true") on the pages inside it
 * (a claim inside Claims). The overview is only ever its own page.
 */
export function DashboardNavLinks({ links }: { links: DashboardNavLink[] }) {
  const pathname = usePathname();
  return (
    <ul className={styles.links}>
      {links.map((link) => {
        const current = pathname === link.href ? 'page' : link.href !== '/dashboard' && pathname.startsWith(`${link.href}/`) ? 'true' : undefined;
        return (
          <li key={link.href}>
            <Link href={link.href} aria-current={current}>
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
