// The Word export: a report → a .docx laid out per GB/T 9704-2012 (or the user's format profile)
// that needs no fixing by hand. The layout plan (main/common/pageEstimate.ts) decides every
// paragraph; the docx library writes the document, footers and package; styles.xml,
// fontTable.xml and settings.xml are ours (ooxmlParts.ts), passed to Packer as overrides.
import type { IParagraphOptions, IRunOptions, ParagraphChild } from 'docx';
import { Document, Footer, Packer, PageNumber, Paragraph, Tab, TextRun } from 'docx';
import type { DocumentContent } from '../../common/documentModel';
import { AppError } from '../../common/errors';
import type { FormatProfile } from '../../common/formatProfile';
import { GBT9704_PROFILE, profileTwips, validateProfile } from '../../common/formatProfile';
import type { LayoutParagraph, LayoutRun } from '../../common/pageEstimate';
import { DEFAULT_TAB_TWIPS, layoutPlan, paginate, paragraphLines } from '../../common/pageEstimate';
import type { FieldValues, ReportBlock } from '../../common/reportModel';
import { blockRoleNames, fieldPattern, fillFields, reportBlocks } from '../../common/reportModel';
import type { RoleStyle } from './ooxmlParts';
import { fontTableXml, settingsXml, stylesXml } from './ooxmlParts';

/** What exportDocx takes. */
export interface ExportDocxInput {
  /** The document title; {{fields}} in it are filled. */
  title: string;
  /** The stored document (the editor's JSON). */
  content: DocumentContent;
  /** Fill-in field values; unfilled fields export as {{name}}. */
  fields?: FieldValues;
  /** The format profile (GB/T 9704 when absent). */
  profile?: FormatProfile;
}

/** What exportDocx gives back. */
export interface ExportDocxResult {
  /** The .docx file's bytes. */
  buffer: Buffer;
  /** Problems the writer should know about, in Chinese (未填写的填空项, 空章节, 缺少成文日期). */
  warnings: string[];
  /** Pages the document takes, estimated on the profile's grid (what LibreOffice renders). */
  pages: number;
}

/** Checks the profile and returns it, or throws INVALID_INPUT with the problems in Chinese. */
function checkedProfile(profile: FormatProfile | undefined): FormatProfile {
  const p = profile ?? GBT9704_PROFILE;
  const valid = validateProfile(p);
  if (!valid.ok) throw new AppError('INVALID_INPUT', `格式设置有误，无法导出：${valid.errors.join('；')}`);
  return p;
}

/** The warnings of an export: unfilled fields, sections without text, a missing date. */
export function exportWarnings(title: string, blocks: readonly ReportBlock[]): string[] {
  const warnings: string[] = [];
  const unfilled = new Set<string>();
  const texts = [title, ...blocks.map((b) => (b.type === 'heading' ? `${b.text}${b.runInBody ?? ''}` : b.text))];
  for (const text of texts) for (const m of text.matchAll(fieldPattern)) unfilled.add(m[0]);
  if (unfilled.size) warnings.push(`未填写的填空项：${[...unfilled].join('、')}（导出为原样的 {{…}}，请填写后重新导出）`);
  if (!title.trim()) warnings.push('缺少标题：文稿没有标题，导出的文档从正文开始。');
  blocks.forEach((b, i) => {
    if (b.type !== 'heading' || b.runInBody !== null) return;
    const next = blocks.slice(i + 1).find((n) => n.type !== 'paragraph' || n.text.trim() !== '');
    if (!next || (next.type === 'heading' && next.level <= b.level) || (next.type === 'role' && next.role !== 'closing')) {
      warnings.push(`空章节：“${b.number}${b.text}”下没有内容。`);
    }
  });
  const hasText = blocks.some((b) => b.type !== 'role' || b.role === 'closing');
  const date = blocks.some((b) => b.type === 'role' && b.role === 'date' && b.text.trim() !== '');
  if (hasText && !date) warnings.push(`缺少${blockRoleNames.date}：正文末尾没有成文日期（如 2025年7月1日），公文须在署名下方注明。`);
  return warnings;
}

/** The run children of a text: "\n" becomes a line break, "\t" a tab. */
function runsOf(text: string, options: Omit<IRunOptions, 'text' | 'children' | 'break'>): TextRun[] {
  const out: TextRun[] = [];
  text.split('\n').forEach((line, n) => {
    const parts = line.split('\t');
    const children: (string | Tab)[] = [];
    parts.forEach((part, k) => {
      if (k > 0) children.push(new Tab());
      if (part) children.push(part);
    });
    out.push(new TextRun({ ...options, ...(n > 0 ? { break: 1 } : {}), children }));
  });
  return out;
}

/** The docx run options of a run: only what differs from its paragraph's style (a run-in heading's body). */
function runOptions(profile: FormatProfile, paragraph: LayoutParagraph, run: LayoutRun): Omit<IRunOptions, 'text' | 'children' | 'break'> {
  // Every run: the East Asian font for ambiguous characters (“” ‘’ — …), as a Chinese IME types them.
  const hint = { hint: 'eastAsia' };
  if (paragraph.kind !== 'runIn' || run.role !== 'body') return { font: hint };
  const level = profile.headings[(paragraph.level ?? 1) - 1] ?? profile.headings[0];
  const body = profile.body;
  return {
    font: { eastAsia: body.font.eastAsia, ascii: body.font.ascii, hAnsi: body.font.ascii, cs: body.font.ascii, ...hint },
    ...(level.sizePt !== body.sizePt ? { size: Math.round(body.sizePt * 2) } : {}),
    bold: false,
    boldComplexScript: false,
  };
}

/** Chinese names of the role styles. */
const roleStyleNames: Partial<Record<LayoutParagraph['kind'], [string, string]>> = {
  addressee: ['Addressee', '主送机关'],
  attachment: ['Attachment', '附件说明'],
  signature: ['Signature', '署名'],
  date: ['WrittenDate', '成文日期'],
};

/**
 * The role styles a plan needs, one per distinct placement (the 附件说明's first item and the
 * items under it differ), and each paragraph's style id. Placements live in styles rather than
 * direct formatting so Word users find them as named styles and so the hanging indent can carry
 * its Chars form.
 */
export function roleStylesOf(profile: FormatProfile, plan: readonly LayoutParagraph[]): { styles: RoleStyle[]; styleOf: (string | null)[] } {
  const styles: RoleStyle[] = [];
  const byKey = new Map<string, string>();
  const styleOf = plan.map((p) => {
    const names = roleStyleNames[p.kind];
    if (!names) return null;
    const key = `${p.kind}|${p.align}|${p.left}|${p.right}|${p.firstLine}|${p.keepNext}`;
    const known = byKey.get(key);
    if (known) return known;
    const count = styles.filter((s) => s.id.startsWith(names[0])).length;
    const id = count ? `${names[0]}${count + 1}` : names[0];
    const addressee = p.kind === 'addressee';
    styles.push({
      id,
      name: count ? `${names[1]} ${count + 1}` : names[1],
      align: p.align,
      left: p.left,
      right: p.right,
      firstLine: p.firstLine,
      keepNext: p.keepNext,
      ...(addressee ? { font: profile.addressee.font, sizePt: profile.addressee.sizePt } : {}),
    });
    byKey.set(key, id);
    return id;
  });
  return { styles, styleOf };
}

/** One paragraph of the layout plan as a docx Paragraph: its style carries the format. */
function paragraphOf(profile: FormatProfile, p: LayoutParagraph, roleStyle: string | null): Paragraph {
  const children: ParagraphChild[] = p.runs.flatMap((run) => runsOf(run.text, runOptions(profile, p, run)));
  const options: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = { children };
  if (p.kind === 'title') options.style = 'Title';
  else if (p.kind === 'heading' || p.kind === 'runIn') {
    options.style = `Heading${p.level}`;
    // A run-in heading is a body paragraph that opens with its heading sentence: it shows in the
    // outline by its style, but is not kept with the next paragraph (unless the 署名 follows).
    if (p.kind === 'runIn') {
      options.keepNext = p.keepNext;
      options.keepLines = false;
    }
  } else if (roleStyle) options.style = roleStyle;
  else if (p.keepNext) options.keepNext = true;
  if (p.keepLines && p.kind !== 'title' && p.kind !== 'heading') options.keepLines = true;
  return new Paragraph(options);
}

/** The page-number footer: "— N —" in the Footer style (odd pages, or every page when centred) or FooterEven. */
function pageNumberFooter(style: 'Footer' | 'FooterEven'): Footer {
  const hint = { font: { hint: 'eastAsia' } };
  return new Footer({
    children: [
      new Paragraph({
        style,
        children: [new TextRun({ ...hint, text: '— ' }), new TextRun({ ...hint, children: [PageNumber.CURRENT] }), new TextRun({ ...hint, text: ' —' })],
      }),
    ],
  });
}

/** The footers of a placement: odd and even (outside), one centred, or none at all (no page numbers). */
function footersOf(placement: FormatProfile['pageNumber']['placement']): { default?: Footer; even?: Footer } {
  if (placement === 'none') return {};
  if (placement === 'outside') return { default: pageNumberFooter('Footer'), even: pageNumberFooter('FooterEven') };
  return { default: pageNumberFooter('Footer') };
}

/** Builds the .docx of a layout plan. */
export async function docxFromPlan(profile: FormatProfile, title: string, plan: readonly LayoutParagraph[]): Promise<Buffer> {
  const t = profileTwips(profile);
  const roles = roleStylesOf(profile, plan);
  const outside = profile.pageNumber.placement === 'outside';
  const doc = new Document({
    creator: '文稿',
    lastModifiedBy: '文稿',
    title,
    evenAndOddHeaderAndFooters: outside,
    sections: [
      {
        properties: {
          page: {
            size: { width: t.pageWidth, height: t.pageHeight },
            margin: { top: t.top, bottom: t.bottom, left: t.left, right: t.right, header: 851, footer: Math.max(0, t.footer), gutter: 0 },
            pageNumbers: { start: 1 },
          },
          grid: { linePitch: t.bodyLine },
        },
        footers: footersOf(profile.pageNumber.placement),
        children: plan.length ? plan.map((p, i) => paragraphOf(profile, p, roles.styleOf[i] ?? null)) : [new Paragraph({ children: [] })],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [
    { path: 'word/styles.xml', data: stylesXml(profile, roles.styles) },
    { path: 'word/fontTable.xml', data: fontTableXml(profile) },
    { path: 'word/settings.xml', data: settingsXml(profile, DEFAULT_TAB_TWIPS) },
  ]);
}

/**
 * Exports a report to .docx: title (方正小标宋简体 22 pt, centred, balanced lines, an empty line
 * after), 主送机关, body (仿宋_GB2312 3号 on the 22 × 28 grid), headings 一、（一）1.（1） as literal
 * text in Heading1..4, run-in headings, 附件说明, 署名 + 成文日期, "— N —" page numbers outside.
 * Unfilled fields export as {{name}} and are listed in the warnings.
 */
export async function exportDocx(input: ExportDocxInput): Promise<ExportDocxResult> {
  const profile = checkedProfile(input.profile);
  const fields = input.fields ?? {};
  const title = fillFields(input.title, fields).replace(/[ \t\r\n\u00a0]+/gu, ' ').trim();
  const blocks = reportBlocks(input.content, fields);
  const t = profileTwips(profile);
  const plan = layoutPlan(profile, { title, blocks }, t);
  const buffer = await docxFromPlan(profile, title, plan);
  const pages = paginate(
    plan,
    plan.map((p) => paragraphLines(profile, p, t).length),
    t.textHeight,
  ).pages;
  return { buffer, warnings: exportWarnings(title, blocks), pages };
}
