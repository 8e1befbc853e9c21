// Snippets in the editor, as $functions used inside editor reads and updates: insert a snippet's
// paragraphs at the selection (replacing a typeahead trigger), the section kind at the caret
// (the panel ranks that part's snippets first), and the selected text as a snippet body with
// field chips written back as {{name}}.
import { $generateJSONFromSelectedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getNodeByKey, $getSelection, $isRangeSelection, $isTextNode, $setSelection } from 'lexical';
import type { LexicalEditor, LexicalNode, NodeKey } from 'lexical';
import type { SectionKind } from '@common/reportModel';
import type { SnippetKind } from '@common/snippetModel';
import { $createFieldNode } from '../report/FieldNode';
import { cachedGuessKind } from '../report/outlineCounts';
import { $blockOf, $headingNodeOf } from '../report/structure';
import type { SnippetSegment } from './fill';

/** Text typed for a typeahead lookup, removed when the snippet goes in. */
export interface TriggerRange {
  /** The text node holding the trigger. */
  key: NodeKey;
  start: number;
  end: number;
  /** The text expected there (trigger + query); nothing is removed when it changed meanwhile. */
  text: string;
}

/** Builds the paragraph nodes of a snippet (inside an update). */
export function $snippetNodes(paragraphs: readonly SnippetSegment[][]): LexicalNode[] {
  return paragraphs.map((segments) => {
    const paragraph = $createParagraphNode();
    for (const s of segments) paragraph.append(s.type === 'text' ? $createTextNode(s.text) : $createFieldNode(s.name));
    return paragraph;
  });
}

/**
 * Inserts a snippet at the selection (inside an update): the first paragraph continues the one at
 * the caret, further ones become paragraphs of their own, as a paste does. With a trigger range the
 * trigger text is replaced. False when there is nowhere to insert.
 */
export function $insertSnippet(editor: LexicalEditor, paragraphs: readonly SnippetSegment[][], trigger?: TriggerRange | null): boolean {
  if (paragraphs.length === 0) return false;
  if (trigger) {
    const node = $getNodeByKey(trigger.key);
    if ($isTextNode(node) && node.getTextContent().slice(trigger.start, trigger.end) === trigger.text) {
      const selection = $createRangeSelection();
      selection.anchor.set(trigger.key, trigger.start, 'text');
      selection.focus.set(trigger.key, trigger.end, 'text');
      $setSelection(selection);
      selection.removeText();
    }
  }
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  $insertGeneratedNodes(editor, $snippetNodes(paragraphs), selection);
  return true;
}

/** The section kind of the level-1 section holding the caret (stored, else guessed), or null. */
export function $sectionKindAtCaret(): SectionKind | null {
  return $sectionAtCaret().kind;
}

/** Where the caret is: the kind of its level-1 section, and whether any level-1 heading comes before it. */
export function $sectionAtCaret(): { kind: SectionKind | null; inSection: boolean } {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { kind: null, inSection: false };
  for (let node: LexicalNode | null = $blockOf(selection.anchor.getNode()); node; node = node.getPreviousSibling()) {
    const heading = $headingNodeOf(node);
    if (heading && heading.getLevel() === 1) return { kind: heading.getKind() ?? cachedGuessKind(heading.getTextContent()), inSection: true };
  }
  return { kind: null, inSection: false };
}

/** The snippet kind a new snippet from the caret's section gets: that part, or 开头 before any section. */
export function snippetKindForSection(section: { kind: SectionKind | null; inSection: boolean }): SnippetKind {
  if (!section.inSection) return 'opening';
  return section.kind && section.kind !== 'other' ? section.kind : 'situation';
}

/** A serialized node as the clipboard helpers give it. */
interface Serialized {
  type: string;
  text?: string;
  name?: string;
  children?: Serialized[];
}

function serializedText(node: Serialized): string {
  if (node.type === 'wg-field' && node.name) return `{{${node.name}}}`;
  if (node.type === 'linebreak') return '\n';
  if (typeof node.text === 'string' && !node.children) return node.text;
  return (node.children ?? []).map(serializedText).join('');
}

/** The selected text as a snippet body (inside a read): paragraphs on lines, fields as {{name}}. */
export function $selectionSnippetBody(editor: LexicalEditor): string {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return '';
  const { nodes } = $generateJSONFromSelectedNodes<Serialized & { version: number }>(editor, selection);
  const inline = nodes.every((n) => !n.children || n.type === 'wg-runin');
  const text = inline ? nodes.map(serializedText).join('') : nodes.map(serializedText).join('\n');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
