import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, never prerendered: an unknown /dashboard/… address
  // is answered with this page under the dashboard's nonce policy, and only a
  // page rendered per request carries that response's nonce on its scripts.
  await connection();
  return (
    <>
      <h1>Not found</h1>
      <p>There is no published page at this address. Drafts stay private until a second editor approves them.</p>
      <p>
        <Link href="/">See all fact checks</Link>
      </p>
    </>
  );
}
