// The page's own context menu while text is selected: 剪切, 复制 and 存为常用语… (Alt+F3). Without
// a selection the usual menu (or none, in the desktop app) is left alone. Keyboard: ↑↓ move,
// Enter runs, Esc closes and returns to the text.
import { useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { moveActive } from '../../editor/features/snippets/listNav';

interface MenuItem {
  label: string;
  hint: string;
  run: () => void;
}

/** The context menu of the editor. */
export function EditorContextMenu({ onSaveAsSnippet }: { onSaveAsSnippet: () => void }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const [active, setActive] = useState(0);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      editor.registerRootListener((root, previous) => {
        const onContextMenu = (event: MouseEvent): void => {
          // The page's own selection: a right-click outside the selected text has just moved the caret.
          const dom = window.getSelection();
          const selected = !!dom && !dom.isCollapsed && !!root?.contains(dom.anchorNode);
          if (!selected) return;
          event.preventDefault();
          setActive(0);
          setAt({ x: event.clientX, y: event.clientY });
        };
        previous?.removeEventListener('contextmenu', onContextMenu as EventListener);
        root?.addEventListener('contextmenu', onContextMenu);
        return () => root?.removeEventListener('contextmenu', onContextMenu);
      }),
    [editor],
  );

  useEffect(() => {
    if (!at) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (event: MouseEvent): void => {
      if (!menuRef.current?.contains(event.target as Node)) setAt(null);
    };
    const onBlur = (): void => setAt(null);
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [at]);

  if (!at) return null;
  const close = (refocus: boolean): void => {
    setAt(null);
    if (refocus) editor.focus();
  };
  const items: MenuItem[] = [
    { label: '剪切', hint: 'Ctrl+X', run: () => document.execCommand('cut') },
    { label: '复制', hint: 'Ctrl+C', run: () => document.execCommand('copy') },
    { label: '存为常用语…', hint: 'Alt+F3', run: onSaveAsSnippet },
  ];
  const runItem = (item: MenuItem): void => {
    // The page gets focus (and its selection) back first: cut and copy act on it.
    setAt(null);
    editor.focus(() => item.run());
  };
  const left = Math.min(at.x, window.innerWidth - 200);
  const top = Math.min(at.y, window.innerHeight - 120);
  return createPortal(
    <div
      ref={menuRef}
      className="context-menu"
      role="menu"
      aria-label="正文菜单"
      style={{ left, top }}
      onKeyDown={(event) => {
        const next = moveActive(active, event.key, items.length);
        if (next !== null) {
          event.preventDefault();
          setActive(next);
          menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[next]?.focus();
        } else if (event.key === 'Escape' || event.key === 'Tab') {
          event.preventDefault();
          close(true);
        }
      }}
    >
      {items.map((item, index) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className="context-item"
          tabIndex={index === active ? 0 : -1}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => runItem(item)}
        >
          <span>{item.label}</span>
          <kbd className="context-hint">{item.hint}</kbd>
        </button>
      ))}
    </div>,
    document.body,
  );
}
