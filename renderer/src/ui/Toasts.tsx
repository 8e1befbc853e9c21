// Short notices at the bottom of the window (已移到回收站 · 撤销, refused pastes, errors).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { JSX } from 'react';
import { CloseIcon } from './icons';

/** One notice. */
export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error' | 'success';
  action?: { label: string; run: () => void };
}

/** What components use to show notices. */
export interface ToastApi {
  show(message: string, options?: { kind?: Toast['kind']; action?: Toast['action']; durationMs?: number }): void;
  error(message: string): void;
  dismiss(id: number): void;
}

/** Holds the notices; returns them and the API to add some. */
export function useToasts(): [Toast[], ToastApi] {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback<ToastApi['show']>(
    (message, options = {}) => {
      const id = nextId.current++;
      const toast: Toast = { id, message, kind: options.kind ?? 'info', ...(options.action ? { action: options.action } : {}) };
      setToasts((list) => [...list.filter((t) => t.message !== message), toast].slice(-4));
      const duration = options.durationMs ?? (options.action ? 8000 : options.kind === 'error' ? 9000 : 4000);
      window.setTimeout(() => dismiss(id), duration);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(() => ({ show, dismiss, error: (message) => show(message, { kind: 'error' }) }), [show, dismiss]);
  return [toasts, api];
}

/** Renders the notices. */
export function Toasts({ toasts, api }: { toasts: Toast[]; api: ToastApi }): JSX.Element {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid="toast">
          <span className="toast-message">{toast.message}</span>
          {toast.action ? (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                api.dismiss(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" className="toast-close" aria-label="关闭提示" onClick={() => api.dismiss(toast.id)}>
            <CloseIcon width={14} height={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
