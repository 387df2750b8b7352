'use client';

// Shown instead of a stack trace when something fails on the server; the
// digest lets an operator find the matching line in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you entered has been lost on our side; please try again.</p>
      {error.digest && <p className="small muted">Reference: {error.digest}</p>}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
