'use client';

import { type ReactNode, useId, useRef } from 'react';

// The HTML invoker commands (`commandfor` + `command`) open and close a
// <dialog> without any script: Chromium 135+, Firefox 144+, Safari 26.2+.
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
 * A destructive submit button that asks first. Placed inside the action's
 * <form>: the button (named for the action, "Remove") opens a modal dialog
 * with the question, and only the dialog's confirm button submits the form.
 * Without JavaScript the dialog opens through the button's invoker command,
 * and the form posts as any server action form does.
 */
export function ConfirmSubmit({
  label,
  question,
  children,
  confirmLabel,
  cancelLabel,
  pending,
  triggerClassName = 'secondary',
}: {
  /** The name of the button that opens the question, kept from before (the e2e suite relies on it). */
  label: string;
  question: string;
  /** What the action does, said in the dialog under the question. */
  children?: ReactNode;
  /** Must not contain `label`: a test asking for the trigger by name would find both. */
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  triggerClassName?: string;
}) {
  const dialogId = useId();
  const questionId = `${dialogId}-question`;
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className={triggerClassName}
        disabled={pending}
        command="show-modal"
        commandfor={dialogId}
        onClick={() => {
          if (!hasInvokerCommands() && dialog.current && !dialog.current.open) dialog.current.showModal();
        }}
      >
        {label}
      </button>
      <dialog id={dialogId} ref={dialog} className="confirm-dialog" aria-labelledby={questionId}>
        <p id={questionId} className="confirm-question">
          {question}
        </p>
        {children}
        <div className="confirm-actions">
          {/* First: the dialog opens with the focus on the harmless choice. */}
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
          <button type="submit" className="danger" disabled={pending} onClick={() => dialog.current?.close()}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
