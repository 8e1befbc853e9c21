// Test helpers: a headless editor with the app's nodes, loading serialized report content.
import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import { editorNodes } from '../../nodes';
import { prepareContent } from '../../content';

/** A headless editor with every registered node, optionally loaded with blocks. */
export function testEditor(blocks?: SerializedNode[]): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...editorNodes], onError: (error) => { throw error; } });
  if (blocks) load(editor, blocks);
  return editor;
}

/** Loads blocks as the document (through prepareContent, as the app does). */
export function load(editor: LexicalEditor, blocks: SerializedNode[]): void {
  const content: DocumentContent = { root: { type: 'root', version: 1, children: blocks, direction: null, format: '', indent: 0 } };
  editor.setEditorState(editor.parseEditorState(prepareContent(content).json));
}

/** The editor's document as stored JSON. */
export function stored(editor: LexicalEditor): DocumentContent {
  return editor.getEditorState().toJSON() as unknown as DocumentContent;
}

/** Lets queued updates (update listeners that update again) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
