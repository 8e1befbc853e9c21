// Edits the user makes in the import preview before anything is stored: change a heading's level
// or section kind, or mark a recognised heading as body text. Pure over the content JSON, so the
// preview and the stored document can never disagree.
import type { DocumentContent, SerializedNode } from '@common/documentModel';
import type { HeadingLevel } from '@common/numbering';
import { nodeTypes } from '@common/reportModel';
import type { SectionKind } from '@common/reportModel';

/** One edit of a heading, addressed by its position among the headings (0-based). */
export type PreviewEdit = { heading: number; level: HeadingLevel } | { heading: number; kind: SectionKind } | { heading: number; body: true };

/** True when a root child is a heading block (a wg-heading or a run-in paragraph). */
export function isHeadingBlock(node: SerializedNode): boolean {
  return node.type === nodeTypes.heading || (node.type === 'paragraph' && node.children?.[0]?.type === nodeTypes.runIn);
}

/** Applies one edit, returning new content (the input is not changed). */
export function applyPreviewEdit(content: DocumentContent, edit: PreviewEdit): DocumentContent {
  let index = -1;
  const children = content.root.children.map((node): SerializedNode => {
    if (!isHeadingBlock(node)) return node;
    index += 1;
    if (index !== edit.heading) return node;
    const runIn = node.type === 'paragraph';
    const head = runIn ? (node.children?.[0] as SerializedNode) : node;
    if ('body' in edit) {
      const inline = runIn ? [...(head.children ?? []), ...(node.children ?? []).slice(1)] : (node.children ?? []);
      return { type: 'paragraph', version: 1, children: inline, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
    }
    const level = 'level' in edit ? edit.level : (head.level as HeadingLevel);
    const kind = level !== 1 ? null : 'kind' in edit ? edit.kind : ((head.kind as SectionKind | null | undefined) ?? 'other');
    const updated = { ...head, level, kind };
    return runIn ? { ...node, children: [updated, ...(node.children ?? []).slice(1)] } : updated;
  });
  return { ...content, root: { ...content.root, children } };
}
