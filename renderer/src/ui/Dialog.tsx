// A small modal dialog (confirmations, 关于, 数据文件夹): focus moves in, Esc cancels, focus
// returns to where it was on close.
import { useEffect, useId, useRef } from 'react';
import type { JSX, ReactNode } from 'react';

/** Props of Dialog. */
export interface DialogProps {
  title: string;
  children: ReactNode;
  /** Buttons row. */
  actions: ReactNode;
  onClose: () => void;
  /** Extra class on the dialog box. */
  className?: string;
}

/** A modal dialog. */
export function Dialog({ title, children, actions, onClose, className }: DialogProps): JSX.Element {
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = boxRef.current;
    const preferred = box?.querySelector<HTMLElement>('[data-autofocus]') ?? box?.querySelector<HTMLElement>('button');
    preferred?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={boxRef}
        className={`dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}

/** Props of ConfirmDialog. */
export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Marks the confirm button as destructive (red); focus then starts on 取消. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no confirmation. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onCancel }: ConfirmDialogProps): JSX.Element {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel} data-autofocus={danger ? '' : undefined}>
            取消
          </button>
          <button type="button" className={danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={onConfirm} data-autofocus={danger ? undefined : ''}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {message}
    </Dialog>
  );
}
