// The page's own context menu while text is selected: 剪切, 复制 and 存为常用语… (Alt+F3). Without
// a selection the usual menu (or none, in the desktop app) is left alone.
import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { Menu } from '../../ui/Menu';
import type { MenuItem } from '../../ui/Menu';

type Action = 'cut' | 'copy' | 'saveAsSnippet';

const items: MenuItem<Action>[] = [
  { key: 'cut', label: '剪切', hint: 'Ctrl+X' },
  { key: 'copy', label: '复制', hint: 'Ctrl+C' },
  { key: 'saveAsSnippet', label: '存为常用语…', hint: 'Alt+F3' },
];

/** The context menu of the editor. */
export function EditorContextMenu({ onSaveAsSnippet }: { onSaveAsSnippet: () => void }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);

  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return;
        const onContextMenu = (event: MouseEvent): void => {
          // The page's own selection: a right-click outside the selected text has just moved the caret.
          const dom = window.getSelection();
          if (!dom || dom.isCollapsed || !root.contains(dom.anchorNode)) return;
          event.preventDefault();
          setAt({ x: event.clientX, y: event.clientY });
        };
        root.addEventListener('contextmenu', onContextMenu);
        return () => root.removeEventListener('contextmenu', onContextMenu);
      }),
    [editor],
  );

  if (!at) return null;
  return createPortal(
    <Menu
      label="正文菜单"
      items={items}
      style={{ left: Math.min(at.x, window.innerWidth - 200), top: Math.min(at.y, window.innerHeight - 120) }}
      onClose={(byKeyboard) => {
        setAt(null);
        if (byKeyboard) editor.focus();
      }}
      onRun={(key) => {
        setAt(null);
        // The page gets focus (and its selection) back first: cut and copy act on it.
        editor.focus(() => {
          if (key === 'saveAsSnippet') onSaveAsSnippet();
          else document.execCommand(key);
        });
      }}
    />,
    document.body,
  );
}
