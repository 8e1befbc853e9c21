// A small popup menu (the page's context menu, the 常用语 panel's ⋯ menu): the first item takes
// focus, ↑↓ Home End move, Enter or a click runs an item, Esc or Tab closes, a click outside closes.
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties, JSX } from 'react';
import { moveActive } from '../lib/listNav';

/** One menu item. */
export interface MenuItem<K extends string> {
  key: K;
  label: string;
  /** Shortcut shown at the right. */
  hint?: string;
}

/** Props of Menu. */
export interface MenuProps<K extends string> {
  label: string;
  items: readonly MenuItem<K>[];
  onRun: (key: K) => void;
  /** Closed by Esc or Tab (keyboard: true) or by a click outside (false). */
  onClose: (byKeyboard: boolean) => void;
  className?: string;
  style?: CSSProperties;
  /** Clicks inside this element do not count as outside (the button that opened the menu). */
  owner?: HTMLElement | null;
}

/** The menu. */
export function Menu<K extends string>({ label, items, onRun, onClose, className, style, owner }: MenuProps<K>): JSX.Element {
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (event: MouseEvent): void => {
      const target = event.target as Node;
      if (!ref.current?.contains(target) && !owner?.contains(target)) closeRef.current(false);
    };
    const onBlur = (): void => closeRef.current(false);
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [owner]);

  return (
    <div
      ref={ref}
      className={`context-menu ${className ?? ''}`}
      role="menu"
      aria-label={label}
      style={style}
      onKeyDown={(event) => {
        const next = moveActive(active, event.key, items.length);
        if (next !== null) {
          event.preventDefault();
          setActive(next);
          ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[next]?.focus();
        } else if (event.key === 'Escape' || event.key === 'Tab') {
          event.preventDefault();
          event.stopPropagation();
          onClose(true);
        }
      }}
    >
      {items.map((item, index) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          className="context-item"
          tabIndex={index === active ? 0 : -1}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onRun(item.key)}
        >
          <span>{item.label}</span>
          {item.hint ? <kbd className="context-hint">{item.hint}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
