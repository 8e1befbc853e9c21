// The report feature's editor wiring: numbers on the page after every update, marker autoformat
// (never during an IME composition), the block commands, Tab/Shift+Tab on headings, and the
// run-in normalisation transform.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $addUpdateTag,
  $getNodeByKey,
  $isParagraphNode,
  $createRangeSelectionFromDom,
  $getSelection,
  $setSelection,
  $isRangeSelection,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  COMPOSITION_END_TAG,
  COMMAND_PRIORITY_LOW,
  HISTORIC_TAG,
  HISTORY_PUSH_TAG,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  PASTE_TAG,
  getDOMSelection,
  mergeRegister,
} from 'lexical';
import type { LexicalEditor, NodeKey } from 'lexical';
import {
  $renumberAtCaret,
  $setBlockType,
  $setKind,
  $setRole,
  $shiftLevel,
  RENUMBER_ENUMERATIONS_COMMAND,
  SET_BLOCK_TYPE_COMMAND,
  SET_KIND_COMMAND,
  SET_ROLE_COMMAND,
  SHIFT_LEVEL_COMMAND,
} from '../../commands';
import { LOAD_TAG } from '../../plugins/AutosavePlugin';
import { $applyAutoformat, $autoformatCandidate, $headingToRunIn, $runInCandidate, AUTOFORMAT_TAG } from './autoformat';
import { createNumberingView, renderNumbering } from './numberingView';
import { $normalizeRunIn, $isRunInNode, RunInNode } from './RunInNode';
import { $blockOf, $headingNodeOf, $moveSectionBy } from './structure';

/** Tags of updates that must never trigger the autoformat. */
const NO_AUTOFORMAT = [HISTORIC_TAG, PASTE_TAG, COLLABORATION_TAG, LOAD_TAG, AUTOFORMAT_TAG];

/**
 * Registers the marker autoformat: after an update that typed into a body paragraph (not an
 * undo/redo, paste or load, and not while composing), converts it when the text before the caret
 * is exactly a marker. The conversion is its own update pushed as its own history entry. With
 * `dom: false` (headless tests) the compositionend check on the page is left out.
 */
export function registerAutoformat(editor: LexicalEditor, options: { dom?: boolean } = {}): () => void {
  const convert = (target: NodeKey): void =>
    editor.update(
      () => {
        const candidate = $autoformatCandidate();
        if (candidate && candidate.paragraph.getKey() === target) $applyAutoformat(candidate);
        const heading = $runInCandidate();
        if (heading && heading.getKey() === target) $headingToRunIn(heading);
      },
      { tag: [HISTORY_PUSH_TAG, AUTOFORMAT_TAG] },
    );
  /** The block autoformat would convert now, or null (inside a read). */
  const $target = (dirtyLeaves: ReadonlySet<NodeKey> | null): NodeKey | null => {
    const candidate = $autoformatCandidate();
    if (candidate && (!dirtyLeaves || dirtyLeaves.has(candidate.textKey))) return candidate.paragraph.getKey();
    const heading = $runInCandidate();
    const selection = $getSelection();
    if (heading && $isRangeSelection(selection) && (!dirtyLeaves || dirtyLeaves.has(selection.anchor.key))) return heading.getKey();
    return null;
  };
  // After a composition the committed text may already be in place: check the caret once more.
  const onCompositionEnd = (): void => {
    setTimeout(() => {
      if (editor.isComposing()) return;
      const target = editor.getEditorState().read(() => $target(null), { editor });
      if (target !== null) convert(target);
    }, 0);
  };
  return mergeRegister(
    editor.registerUpdateListener(({ editorState, tags, dirtyLeaves }) => {
      if (editor.isComposing() || NO_AUTOFORMAT.some((tag) => tags.has(tag))) return;
      const endsComposition = tags.has(COMPOSITION_END_TAG);
      if (dirtyLeaves.size === 0 && !endsComposition) return;
      const target = editorState.read(() => $target(endsComposition ? null : dirtyLeaves), { editor });
      if (target !== null) convert(target);
    }),
    options.dom === false
      ? () => undefined
      : editor.registerRootListener((root, prevRoot) => {
          prevRoot?.removeEventListener('compositionend', onCompositionEnd);
          root?.addEventListener('compositionend', onCompositionEnd);
        }),
  );
}

/**
 * Takes the caret from the page before a key acts on it: a key pressed right after a click can
 * arrive before the browser's selectionchange has told the editor where the caret went.
 */
function $syncSelectionFromPage(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const dom = getDOMSelection(root?.ownerDocument.defaultView ?? null);
  if (!root || !dom || !dom.anchorNode || !root.contains(dom.anchorNode)) return;
  const range = $createRangeSelectionFromDom(dom, editor);
  const current = $getSelection();
  if (range && !(current && range.is(current))) $setSelection(range);
}

/** True when the caret is on a heading: a heading block, or inside a run-in heading's sentence. */
function $caretOnHeading(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const anchor = selection.anchor.getNode();
  const block = $blockOf(anchor);
  const heading = block ? $headingNodeOf(block) : null;
  if (!heading) return false;
  if (heading === block) return true;
  // A run-in heading: only while the caret is in its sentence (or at the paragraph's start).
  for (let node: typeof anchor | null = anchor; node; node = node.getParent()) if ($isRunInNode(node)) return true;
  return selection.anchor.offset === 0 && anchor.is(block);
}

/** Registers the block commands and Tab/Shift+Tab on headings. */
export function registerReportCommands(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(SET_BLOCK_TYPE_COMMAND, (type) => $setBlockType(type), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(SET_ROLE_COMMAND, (role) => $setRole(role), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(SET_KIND_COMMAND, (kind) => $setKind(kind), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(SHIFT_LEVEL_COMMAND, (delta) => $shiftLevel(delta), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(RENUMBER_ENUMERATIONS_COMMAND, () => $renumberAtCaret() > 0, COMMAND_PRIORITY_EDITOR),
    // Word's outline keys: Alt+Shift+↑/↓ move the section at the caret, Alt+Shift+←/→ promote/demote.
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return false;
        const delta = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -1, ArrowRight: 1 }[event.key] as 1 | -1 | undefined;
        if (delta === undefined) return false;
        $syncSelectionFromPage(editor);
        const selection = $getSelection();
        const block = $isRangeSelection(selection) ? $blockOf(selection.anchor.getNode()) : null;
        if (!block || !$headingNodeOf(block)) return false;
        event.preventDefault();
        if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
          $addUpdateTag(HISTORY_PUSH_TAG);
          $moveSectionBy(block.getKey(), delta);
        } else $shiftLevel(delta);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event) => {
        $syncSelectionFromPage(editor);
        if (!$caretOnHeading()) return false; // body text: Tab keeps its normal behaviour
        event.preventDefault();
        $shiftLevel(event.shiftKey ? -1 : 1);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
}

/**
 * Whether an update can have changed what the numbering view shows: anything but typing inside
 * plain body paragraphs (their text never affects numbers, kinds or hints) does.
 */
function $affectsNumbering(dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>): boolean {
  if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return false; // selection only
  for (const [key, intentional] of dirtyElements) {
    if (key === 'root') continue;
    if (intentional) return true;
    const node = $getNodeByKey(key);
    if (!$isParagraphNode(node) || $isRunInNode(node.getFirstChild())) return true;
  }
  return false;
}

/** Everything the report nodes need in an editor. */
export function ReportPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const view = createNumberingView();
    const render = (): void => renderNumbering(editor, view);
    render();
    return mergeRegister(
      editor.registerNodeTransform(RunInNode, $normalizeRunIn),
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        // Undo and redo swap in a whole earlier state: Lexical then marks only the root dirty
        // (and re-creates changed blocks), so the dirty sets say nothing about what moved.
        if (tags.has(HISTORIC_TAG) || editorState.read(() => $affectsNumbering(dirtyElements, dirtyLeaves))) render();
      }),
      // The page may be (re)attached after the last update: number it once it is in the DOM.
      editor.registerRootListener((root) => {
        if (root) requestAnimationFrame(render);
      }),
      registerAutoformat(editor),
      registerReportCommands(editor),
    );
  }, [editor]);
  return null;
}
