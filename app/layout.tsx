import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Attest', template: '%s · Attest' },
  description: 'Source-attributed fact checks: every quote one click from its archived source.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Attest
          </Link>
          <nav aria-label="Main">
            <Link href="/">Fact checks</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Every quote on Attest points into an archived, hashed copy of its source. Read the{' '}
            <Link href="/api/claims">public API</Link>.
          </p>
        </footer>
      </body>
    </html>
  );
}
