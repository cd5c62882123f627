import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Wider dialogs for tables (the import report). */
  wide?: boolean;
  /** While work runs, Escape does not close the dialog (cancel is explicit). */
  busy?: boolean;
}

/**
 * A modal on the native <dialog>: focus moves inside and is trapped there, Escape closes it, and focus returns
 * to where it was when it closes. Forms inside submit with Enter.
 */
export function Dialog({ title, onClose, children, wide = false, busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={wide ? 'wide' : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="link" onClick={onClose} disabled={busy} aria-label="Close">
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}
