'use client';

import { useRef } from 'react';
import type { SourceForQuoting } from '@/lib/claims/dashboard-queries';

export type TextSelection = { quote: string; start: number };

/**
 * A source's archived text in which the editor selects the quoted passage
 * with the mouse. It reports the selected string and the code-point offset
 * where it starts (so that the server can tell apart two identical passages);
 * the server still locates the quote itself.
 */
export function SourceTextSelector({ source, onSelect }: { source: SourceForQuoting; onSelect: (selection: TextSelection) => void }) {
  const container = useRef<HTMLDivElement>(null);

  function readSelection() {
    const root = container.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
    const selected = range.toString();
    const quote = selected.trim();
    if (quote === '') return;
    // Offsets count code points, as the server and the database do.
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const leadingSpace = selected.slice(0, selected.length - selected.trimStart().length);
    onSelect({ quote, start: Array.from(before.toString()).length + Array.from(leadingSpace).length });
  }

  return (
    <section>
      <h3 id="source-text-heading">{source.title ?? 'Untitled source'}</h3>
      <p className="muted small">
        {[source.publisher, source.publishedAt].filter(Boolean).join(' · ')} — select the passage with the mouse to copy it into the Quote field.
      </p>
      <div ref={container} className="archived-text" lang="fr"
        style={{ maxHeight: '32rem', overflowY: 'auto', cursor: 'text' }} onMouseUp={readSelection} onKeyUp={readSelection}>
        {source.text}
      </div>
    </section>
  );
}
