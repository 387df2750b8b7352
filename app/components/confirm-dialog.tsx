'use client';

import { type ReactNode, useId, useRef } from 'react';

// Destructive buttons ask first. The HTML invoker commands (`commandfor` +
// `command`) open and close a <dialog> without any script (Chromium 135+,
// Firefox 144+, Safari 26.2+); React passes the lowercase attributes through
// as they are. Older browsers open and close it with a script instead.
declare module 'react' {
  interface ButtonHTMLAttributes<T> {
    command?: 'show-modal' | 'close' | 'request-close';
    commandfor?: string;
  }
}

function hasInvokerCommands(): boolean {
  return typeof HTMLButtonElement !== 'undefined' && 'command' in HTMLButtonElement.prototype;
}

type ConfirmProps = {
  /** The name of the button that asks, kept from before (the e2e suite relies on it). */
  label: string;
  question: string;
  /** What the action does, said in the dialog under the question. */
  children?: ReactNode;
  /** Must not contain `label`: a test asking for the trigger by name would find both. */
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  triggerClassName?: string;
};

/** The trigger and its modal question; the first (focused) choice keeps things as they are. */
function ConfirmDialog({ label, question, children, cancelLabel, pending = false, triggerClassName = 'secondary', confirm }: ConfirmProps & {
  confirm: (close: () => void) => ReactNode;
}) {
  const dialogId = useId();
  const questionId = `${dialogId}-question`;
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
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
          <button
            type="button"
            className="secondary"
            command="close"
            commandfor={dialogId}
            onClick={() => {
              if (!hasInvokerCommands()) close();
            }}
          >
            {cancelLabel}
          </button>
          {confirm(close)}
        </div>
      </dialog>
    </>
  );
}

/**
 * A destructive submit button, placed inside the action's <form>: only the
 * dialog's confirm button submits it, with or without JavaScript.
 */
export function ConfirmSubmit(props: ConfirmProps) {
  return (
    <ConfirmDialog
      {...props}
      confirm={(close) => (
        <button type="submit" className="danger" disabled={props.pending} onClick={close}>
          {props.confirmLabel}
        </button>
      )}
    />
  );
}

/** A destructive button that acts in the page (e.g. removing a form row) once confirmed. */
export function ConfirmButton({ onConfirm, ...props }: ConfirmProps & { onConfirm: () => void }) {
  return (
    <ConfirmDialog
      {...props}
      confirm={(close) => (
        <button
          type="button"
          className="danger"
          onClick={() => {
            close();
            onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
      )}
    />
  );
}
