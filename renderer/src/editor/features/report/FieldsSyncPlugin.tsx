// Keeps an editor's field values current: records them for plain-text reads (copy, 字数) and marks
// the field nodes dirty so Lexical's cached text sizes follow. The chips themselves re-render from
// context. The refresh update is tagged so it is never saved and never becomes an undo step.
import { useLayoutEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $nodesOfType, HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import type { FieldValues } from '@common/reportModel';
import { FieldNode } from './FieldNode';
import { FIELDS_TAG, editorFieldValues, setEditorFieldValues } from './fieldValues';

/** Pushes field values into the editor. */
export function FieldsSyncPlugin({ values }: { values: FieldValues }): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const before = editorFieldValues(editor);
    setEditorFieldValues(editor, values);
    if (before === values) return;
    editor.update(
      () => {
        for (const node of $nodesOfType(FieldNode)) node.markDirty();
      },
      { tag: [FIELDS_TAG, HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] },
    );
  }, [editor, values]);
  return null;
}
