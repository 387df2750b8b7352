'use client';

import { useId, useRef } from 'react';

// The HTML invoker commands (`commandfor` + `command`) open and close a
// <dialog> without any script (Chromium 135+, Firefox 144+, Safari 26.2+);
// React passes the lowercase attributes through as they are.
declare module 'react' {
  interface ButtonHTMLAttributes<T> {
    command?: 'show-modal' | 'close' | 'request-close';
    commandfor?: string;
  }
}

/** Browsers without invoker commands open and close the dialog with a script instead. */
function hasInvokerCommands(): boolean {
  return typeof HTMLButtonElement !== 'undefined' && 'command' in HTMLButtonElement.prototype;
}

/**
 * A destructive button that asks first: it opens a modal dialog with the
 * question, whose first (focused) choice keeps things as they are; only the
 * explicit confirm button acts. The dialog opens and closes through the
 * buttons' invoker commands, so asking needs no script.
 */
export function ConfirmButton({
  label,
  question,
  details,
  confirmLabel,
  cancelLabel,
  onConfirm,
}: {
  /** The name of the button that asks, kept from before (the e2e suite relies on it). */
  label: string;
  question: string;
  details: string;
  /** Must not contain `label`: a test asking for the trigger by name would find both. */
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
}) {
  const dialogId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="secondary"
        command="show-modal"
        commandfor={dialogId}
        onClick={() => {
          if (!hasInvokerCommands() && dialog.current && !dialog.current.open) dialog.current.showModal();
        }}
      >
        {label}
      </button>
      <dialog id={dialogId} ref={dialog} className="confirm-dialog" aria-labelledby={`${dialogId}-question`} aria-describedby={`${dialogId}-details`}>
        <p id={`${dialogId}-question`} className="confirm-question">
          {question}
        </p>
        <p id={`${dialogId}-details`}>{details}</p>
        <div className="confirm-actions">
          <button
            type="button"
            className="secondary"
            command="close"
            commandfor={dialogId}
            onClick={() => {
              if (!hasInvokerCommands()) dialog.current?.close();
            }}
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
