import type { HighlightSegment } from '@/lib/search/queries';

/**
 * Text with the words a search matched in <mark>. The database marks them
 * (lib/search/queries.ts parseHighlights); every segment is plain text that
 * React escapes, so a claim's own markup is shown, never run.
 */
export function HighlightedSegments({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}
