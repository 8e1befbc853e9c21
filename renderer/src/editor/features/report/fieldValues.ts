// Fill-in field values as the editor shows them. The values live outside the editor state (the
// document keeps them; documents.setFields changes them without a new content revision), so the
// field chips read them from React context and plain-text reads (copy, 字数) from a per-editor map.
import { createContext } from 'react';
import { $getEditor } from 'lexical';
import type { LexicalEditor } from 'lexical';
import type { FieldValues } from '@common/reportModel';

const valuesByEditor = new WeakMap<LexicalEditor, FieldValues>();

/** Records the field values an editor shows (call before refreshing the field nodes). */
export function setEditorFieldValues(editor: LexicalEditor, values: FieldValues): void {
  valuesByEditor.set(editor, values);
}

/** The field values an editor shows. */
export function editorFieldValues(editor: LexicalEditor): FieldValues {
  return valuesByEditor.get(editor) ?? {};
}

/** A field's value in the active editor, or null when unfilled (or outside an editor read). */
export function $fieldValue(name: string): string | null {
  let editor: LexicalEditor;
  try {
    editor = $getEditor();
  } catch {
    return null; // an editorState.read() without an editor: show the field as unfilled
  }
  const value = valuesByEditor.get(editor)?.[name]?.trim();
  return value ? value : null;
}

/** What the field chips need from the workspace. */
export interface FieldsContextValue {
  values: FieldValues;
  /** Opens the fields panel on this field (a click on a chip). */
  onEditField?: (name: string) => void;
}

/** Field values and the edit action, provided around the editor. */
export const FieldsContext = createContext<FieldsContextValue>({ values: {} });

/** Update tag of the refresh after field values change: never saved, merged into history. */
export const FIELDS_TAG = 'wengao-fields';
