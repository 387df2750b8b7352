import Link from 'next/link';

export default function NotFound() {
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
