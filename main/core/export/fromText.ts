// Exports a plain-text or Markdown report to .docx without storing it (`export --from F.txt`):
// the import engine's recogniseText reads the structure (title, markers → headings with variants
// normalised, run-in headings, web junk dropped, trailing 署名 + 成文日期), then a small pass marks
// what only the export needs — the 主送机关 line and the 附件说明 block — and exportDocx lays it out.
import type { DocumentContent, SerializedNode } from '../../common/documentModel';
import type { FormatProfile } from '../../common/formatProfile';
import { nodeTypes, roleBlockNode } from '../../common/reportModel';
import { recogniseText } from '../import';
import type { ExportDocxResult } from './docx';
import { exportDocx } from './docx';

/** Options of exportFromText. */
export interface ExportFromTextOptions {
  /** How to read the text: plain text (default), Markdown, or pasted text. */
  source?: 'txt' | 'md' | 'paste';
  /** Overrides the title found in the text. */
  title?: string;
}

/** What exportFromText gives back: the export, the title used, and what reading the text changed. */
export interface ExportFromTextResult extends ExportDocxResult {
  /** The title the document was exported with (empty when the text has none). */
  title: string;
  /** What recognition dropped or normalised, in Chinese (网页杂项, 重复段落, "(一)" 规范为 "（一）"). */
  notes: string[];
}

/** The plain text of a node's inline children. */
function textOf(node: SerializedNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(textOf).join('');
}

/** True for a plain paragraph (not a heading, run-in heading or role block). */
function isPlainParagraph(node: SerializedNode): boolean {
  return node.type === 'paragraph' && node.children?.[0]?.type !== nodeTypes.runIn;
}

const attachmentLabel = /^附\s*件\s*[：:]/u;
const attachmentItem = /^\d{1,2}\s*[.．、]\s*\S/u;

/**
 * Marks the export roles recognition leaves as paragraphs: a short first line ending with "："
 * (市委：) becomes the 主送机关; "附件：1.××" and the numbered items after it (which read like
 * level-3 headings "2.××") become the 附件说明, when only 署名/成文日期 follow them.
 */
export function markExportRoles(content: DocumentContent): DocumentContent {
  const children = [...content.root.children];
  const first = children.findIndex((n) => textOf(n).trim() !== '');
  const opening = children[first];
  if (opening && isPlainParagraph(opening)) {
    const text = textOf(opening).trim();
    if (/^[^，。；！？,.;!?\s]{2,40}[：:]$/u.test(text) && !/如下[：:]$/u.test(text)) children[first] = roleBlockNode('addressee', text);
  }
  const start = children.findIndex((n) => isPlainParagraph(n) && attachmentLabel.test(textOf(n).trim()));
  if (start >= 0) {
    const items: SerializedNode[] = [roleBlockNode('attachment', textOf(children[start] as SerializedNode).trim())];
    let end = start + 1;
    let next = 2;
    for (; end < children.length; end += 1) {
      const node = children[end] as SerializedNode;
      const text = textOf(node).trim();
      if (node.type === nodeTypes.heading && node.level === 3) items.push(roleBlockNode('attachment', `${next++}.${text}`));
      else if (isPlainParagraph(node) && attachmentItem.test(text)) {
        items.push(roleBlockNode('attachment', text));
        next += 1;
      } else break;
    }
    const rest = children.slice(end);
    const onlyClosing = rest.every((n) => (n.type === nodeTypes.block && (n.role === 'signature' || n.role === 'date')) || textOf(n).trim() === '');
    if (onlyClosing) children.splice(start, end - start, ...items);
  }
  return { ...content, root: { ...content.root, children } };
}

/**
 * Converts a plain-text or Markdown report to .docx without storing it: paragraphs, headings from
 * the markers (variants such as "(一)" or "1、" normalised), title from the first line when it reads
 * like one, 主送机关, 附件说明, and a trailing unit line + date line as 署名 + 成文日期.
 */
export async function exportFromText(text: string, profile?: FormatProfile, options: ExportFromTextOptions = {}): Promise<ExportFromTextResult> {
  const recognised = recogniseText(text, { source: options.source ?? 'txt' });
  const title = options.title ?? recognised.title ?? '';
  const content = markExportRoles(recognised.content);
  const result = await exportDocx({ title, content, fields: {}, ...(profile ? { profile } : {}) });
  const notes: string[] = [];
  if (recognised.removed.length) notes.push(`已删除网页杂项 ${recognised.removed.length} 行（如“${recognised.removed[0]}”）`);
  const repeats = recognised.duplicates.reduce((sum, d) => sum + d.count - 1, 0);
  if (repeats) notes.push(`重复段落 ${repeats} 处，只保留了一次`);
  notes.push(...recognised.fixes);
  return { ...result, title, notes };
}
