'use client';

import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';

type RenderAction = (previous: unknown, formData: FormData) => Promise<ActionResult<{ html: string }>>;

const DEBOUNCE_MS = 350;

/**
 * A live preview of Markdown, rendered on the server by `render` (the same
 * sanitizing renderer the public pages use). The browser never turns the
 * Markdown into HTML itself: it only shows what the server sanitized.
 */
export function MarkdownPreview({
  markdown,
  render,
  id,
  label,
  lang,
}: {
  markdown: string;
  render: RenderAction;
  id: string;
  label: string;
  lang?: string;
}) {
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latestRequest = useRef(0);

  useEffect(() => {
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const formData = new FormData();
      formData.set('markdown', markdown);
      try {
        const result = await render(null, formData);
        // A slower answer to an older keystroke must not replace a newer preview.
        if (request !== latestRequest.current) return;
        if (result.ok) {
          setHtml(result.data.html);
          setProblem(null);
        } else {
          setProblem(result.message);
        }
      } catch {
        if (request === latestRequest.current) setProblem('The preview is not available right now; your text is not affected.');
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [markdown, render]);

  return (
    // Not a live region: announcing the whole text on every pause in typing would drown the editor.
    <section id={id} className="verdict" aria-label={label}>
      {problem && <p className="field-error">{problem}</p>}
      {html === null && !problem && <p className="muted small">Rendering the preview…</p>}
      {html !== null && html.trim() === '' && <p className="muted small">Nothing to preview yet.</p>}
      {html !== null && <div lang={lang} dangerouslySetInnerHTML={{ __html: html }} />}
    </section>
  );
}
