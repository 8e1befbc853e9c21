// Hands the editor instance to the workspace (focus after the title, blur before a switch).
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';

/** Calls onEditor with the editor on mount and null on unmount. */
export function EditorRefPlugin({ onEditor }: { onEditor: (editor: LexicalEditor | null) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  return null;
}
