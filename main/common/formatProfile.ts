// The format profile: every number of the Word layout (docs word-export.md) in one object — paper,
// margins, the body grid (line pitch, condensing), the font and size of each element, page-number
// and signature placement. GB/T 9704-2012 is the default; offices with local rules save their own.
// Pure: the renderer shows profileGrid live while a profile is edited, core exports with it.
import { z } from 'zod';

/** Twips (1/20 pt) per millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded the way Word writes them (37 mm → 2098). */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points to twips, rounded (28.95 pt → 579). */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Chinese font size names and their sizes in points (三号 = 16 pt). */
export const chineseFontSizes: Readonly<Record<string, number>> = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
};

/**
 * Substitutes written into word/fontTable.xml (w:altName) so machines without the government
 * fonts still show the right family: 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体 …
 */
export const fontFallbacks: Readonly<Record<string, string>> = {
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
  方正小标宋简体: '宋体',
  方正小标宋_GBK: '宋体',
  方正仿宋_GBK: '仿宋',
  方正仿宋简体: '仿宋',
  方正楷体_GBK: '楷体',
  方正楷体简体: '楷体',
  方正黑体_GBK: '黑体',
  方正黑体简体: '黑体',
  华文仿宋: '仿宋',
  华文楷体: '楷体',
  华文中宋: '宋体',
  仿宋: 'FangSong',
  楷体: 'KaiTi',
  黑体: 'SimHei',
  宋体: 'SimSun',
  微软雅黑: 'Microsoft YaHei',
};

const fontNameSchema = z.string().trim().min(1, '字体名称不能为空').max(64, '字体名称过长');

/** The fonts of one element: East Asian (Chinese) text and Latin letters/digits. */
export const fontPairSchema = z.object({
  /** Font of Chinese characters and full-width punctuation (w:eastAsia). */
  eastAsia: fontNameSchema,
  /** Font of Latin letters and digits (w:ascii / w:hAnsi). */
  ascii: fontNameSchema,
});
/** The fonts of one element. */
export type FontPair = z.infer<typeof fontPairSchema>;

const sizeSchema = z.number().finite();
const lengthSchema = z.number().finite();

/** Font, size and weight of one heading level. */
export const headingFormatSchema = z.object({
  font: fontPairSchema,
  /** Font size in points. */
  sizePt: sizeSchema,
  bold: z.boolean(),
});
/** Font, size and weight of one heading level. */
export type HeadingFormat = z.infer<typeof headingFormatSchema>;

/** Every number of the Word layout. Lengths of the page in mm, type in pt, indents in characters. */
export const formatProfileSchema = z.object({
  /** What the user calls the profile (shown in the picker). */
  name: z.string().trim().min(1, '格式名称不能为空').max(40, '格式名称最长 40 字'),
  paper: z.object({ widthMm: lengthSchema, heightMm: lengthSchema }),
  margins: z.object({ topMm: lengthSchema, bottomMm: lengthSchema, leftMm: lengthSchema, rightMm: lengthSchema }),
  body: z.object({
    font: fontPairSchema,
    sizePt: sizeSchema,
    /** Exact line pitch of body text in points (the grid: 22 lines at 28.95 pt). */
    lineSpacingPt: lengthSchema,
    /** Added to every character's advance, in points (negative condenses: −0.25 gives 28 per line). Multiples of 0.05. */
    characterSpacingPt: lengthSchema,
    /** First-line indent of paragraphs, in characters. */
    firstLineIndentChars: lengthSchema,
  }),
  title: z.object({
    font: fontPairSchema,
    sizePt: sizeSchema,
    bold: z.boolean(),
    /** Exact line pitch of the title's lines, in points. */
    lineSpacingPt: lengthSchema,
    /** Empty body lines between the title and the text. */
    blankLinesAfter: z.number().int(),
  }),
  /** 主送机关: flush left, ends with "：". */
  addressee: z.object({ font: fontPairSchema, sizePt: sizeSchema }),
  /** Heading levels 1 (一、) to 4 (（1）). */
  headings: z.tuple([headingFormatSchema, headingFormatSchema, headingFormatSchema, headingFormatSchema]),
  pageNumber: z.object({
    font: fontPairSchema,
    sizePt: sizeSchema,
    /** outside: odd pages right, even pages left; center: every page centred; none: no page numbers. */
    placement: z.enum(['outside', 'center', 'none']),
    /** Distance from the outer edge of the text area, in characters of the page number's size. */
    indentChars: lengthSchema,
    /** Distance from the bottom of the text area down to the top of the page-number line, in mm (GB/T: 7). */
    belowTextMm: lengthSchema,
  }),
  signature: z.object({
    /** Sealed (加盖印章): date 4 characters from the right, 署名 centred over it. Unsealed: 署名 2 from the right. */
    sealed: z.boolean(),
    /** Empty lines between the text (or 附件说明) and the 署名. */
    blankLinesBefore: z.number().int(),
    /** Unsealed: characters between the 署名 and the right edge. */
    rightChars: lengthSchema,
    /** Unsealed: how far the date's first character sits right of the 署名's first character, in characters. */
    dateShiftChars: lengthSchema,
    /** Sealed: characters between the date and the right edge. */
    sealedDateRightChars: lengthSchema,
  }),
  attachment: z.object({
    /** Empty lines between the text and 附件说明. */
    blankLinesBefore: z.number().int(),
    /** Left indent of "附件：", in characters. */
    indentChars: lengthSchema,
  }),
});
/** Every number of the Word layout. */
export type FormatProfile = z.infer<typeof formatProfileSchema>;

const fangsong = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' };

/** GB/T 9704-2012 《党政机关公文格式》: the default profile (22 lines × 28 characters, "— 1 —"). */
export const GBT9704_PROFILE: FormatProfile = {
  name: 'GB/T 9704—2012 党政机关公文格式',
  paper: { widthMm: 210, heightMm: 297 },
  margins: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 },
  body: { font: fangsong, sizePt: 16, lineSpacingPt: 28.95, characterSpacingPt: -0.25, firstLineIndentChars: 2 },
  title: { font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' }, sizePt: 22, bold: false, lineSpacingPt: 28.95, blankLinesAfter: 1 },
  addressee: { font: fangsong, sizePt: 16 },
  headings: [
    { font: { eastAsia: '黑体', ascii: 'Times New Roman' }, sizePt: 16, bold: false },
    { font: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman' }, sizePt: 16, bold: false },
    { font: fangsong, sizePt: 16, bold: false },
    { font: fangsong, sizePt: 16, bold: false },
  ],
  pageNumber: { font: { eastAsia: '宋体', ascii: '宋体' }, sizePt: 14, placement: 'outside', indentChars: 1, belowTextMm: 7 },
  signature: { sealed: false, blankLinesBefore: 1, rightChars: 2, dateShiftChars: 2, sealedDateRightChars: 4 },
  attachment: { blankLinesBefore: 1, indentChars: 2 },
};

/** The page of a profile in twips, as written into the .docx (pgSz, pgMar). */
export interface ProfileTwips {
  pageWidth: number;
  pageHeight: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** pgMar footer: from the paper's bottom edge to the bottom of the page-number line. */
  footer: number;
  /** Width and height of the text area (版心). */
  textWidth: number;
  textHeight: number;
  /** Body line pitch (w:spacing line, exact). */
  bodyLine: number;
  /** Body character spacing (w:spacing in rPr, twentieths of a point). */
  bodySpacing: number;
  /** One body character's advance including the condensing. */
  bodyAdvance: number;
}

/** Converts a profile's page geometry to twips. */
export function profileTwips(p: FormatProfile): ProfileTwips {
  const pageWidth = mmToTwips(p.paper.widthMm);
  const pageHeight = mmToTwips(p.paper.heightMm);
  const top = mmToTwips(p.margins.topMm);
  const bottom = mmToTwips(p.margins.bottomMm);
  const left = mmToTwips(p.margins.leftMm);
  const right = mmToTwips(p.margins.rightMm);
  const bodySpacing = ptToTwips(p.body.characterSpacingPt);
  return {
    pageWidth,
    pageHeight,
    top,
    bottom,
    left,
    right,
    footer: mmToTwips(p.margins.bottomMm - p.pageNumber.belowTextMm) - ptToTwips(p.pageNumber.sizePt),
    textWidth: pageWidth - left - right,
    textHeight: pageHeight - top - bottom,
    bodyLine: ptToTwips(p.body.lineSpacingPt),
    bodySpacing,
    bodyAdvance: ptToTwips(p.body.sizePt) + bodySpacing,
  };
}

/** The text grid a profile gives: what the profile editor shows live. */
export interface ProfileGrid {
  /** Body lines on a full page (GB/T: 22). */
  linesPerPage: number;
  /** Body characters on a full line (GB/T: 28). */
  charsPerLine: number;
  /** Width of the text area in points (GB/T: 442.25). */
  textWidthPt: number;
  /** Height of the text area in points (GB/T: 637.8). */
  textHeightPt: number;
}

/**
 * Body characters on a full line: the last character needs its full size (its spacing hangs past
 * the margin), so n fit when (n − 1) advances plus one size fit the width. Measured in LibreOffice
 * on GB/T margins: −0.75 pt gives 28 and −1.3 pt 29, where width ÷ advance would say 29 and 30.
 */
function charsThatFit(t: ProfileTwips, size: number): number {
  if (t.bodyAdvance <= 0 || t.textWidth < size) return 0;
  return Math.floor((t.textWidth - size) / t.bodyAdvance) + 1;
}

/**
 * The grid as LibreOffice and Word lay it out: as many exact-pitch lines as fit in the text height
 * (28.95 pt → 22; 29 pt → 21), as many condensed characters as fit in the width (16 − 0.25 pt → 28;
 * plain 16 pt → 27). Counted in twips, the unit the .docx stores.
 */
export function profileGrid(p: FormatProfile): ProfileGrid {
  const t = profileTwips(p);
  return {
    linesPerPage: t.bodyLine > 0 ? Math.max(0, Math.floor(t.textHeight / t.bodyLine)) : 0,
    charsPerLine: charsThatFit(t, ptToTwips(p.body.sizePt)),
    textWidthPt: t.textWidth / 20,
    textHeightPt: t.textHeight / 20,
  };
}

/**
 * The character spacing (pt, a multiple of 0.05) that makes `chars` body characters fill a line:
 * the largest value at which they still fit (for GB/T: 28 → −0.25). Lets the editor offer
 * "每行字数" and write the condensing for it.
 */
export function characterSpacingFor(p: FormatProfile, chars: number): number {
  const t = profileTwips(p);
  const size = ptToTwips(p.body.sizePt);
  if (chars <= 1) return 0;
  const twips = Math.floor((t.textWidth - size) / (chars - 1)) - size;
  return twips / 20;
}

/** The result of validateProfile: ok, or the problems in Chinese. */
export type ProfileValidation = { ok: true } | { ok: false; errors: string[] };

/** Formats a number of points or mm for messages (28.95, 16, 0.25). */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Names of the schema's paths in Chinese, for shape errors. */
const pathNames: Record<string, string> = {
  name: '格式名称',
  paper: '纸张',
  margins: '页边距',
  body: '正文',
  title: '标题',
  addressee: '主送机关',
  headings: '各级标题',
  pageNumber: '页码',
  signature: '署名',
  attachment: '附件说明',
};

/**
 * Checks a profile for values that cannot be laid out: no text area left by the margins, no line
 * or character fitting, a line pitch smaller than its font, a page number below the paper, and so
 * on. Messages are Chinese and name the setting.
 */
export function validateProfile(profile: unknown): ProfileValidation {
  const parsed = formatProfileSchema.safeParse(profile);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const where = pathNames[String(issue.path[0])] ?? '格式';
      return issue.code === 'custom' || /[\u4e00-\u9fff]/u.test(issue.message) ? `${where}：${issue.message}` : `${where}：设置不完整或格式不正确（${issue.path.join('.')}）`;
    });
    return { ok: false, errors };
  }
  const p = parsed.data;
  const errors: string[] = [];
  const positive = (value: number, what: string, unit: string, max: number): void => {
    if (!(value > 0)) errors.push(`${what}必须大于 0${unit}。`);
    else if (value > max) errors.push(`${what}不能超过 ${max}${unit}。`);
  };
  positive(p.paper.widthMm, '纸张宽度', ' 毫米', 1000);
  positive(p.paper.heightMm, '纸张高度', ' 毫米', 1000);
  for (const [key, label] of [
    ['topMm', '上边距'],
    ['bottomMm', '下边距'],
    ['leftMm', '左边距'],
    ['rightMm', '右边距'],
  ] as const) {
    if (p.margins[key] < 0) errors.push(`${label}不能为负数。`);
  }
  positive(p.body.sizePt, '正文字号', ' 磅', 72);
  positive(p.title.sizePt, '标题字号', ' 磅', 72);
  positive(p.addressee.sizePt, '主送机关字号', ' 磅', 72);
  positive(p.pageNumber.sizePt, '页码字号', ' 磅', 72);
  p.headings.forEach((h, i) => positive(h.sizePt, `${i + 1}级标题字号`, ' 磅', 72));
  positive(p.body.lineSpacingPt, '正文行距', ' 磅', 200);
  positive(p.title.lineSpacingPt, '标题行距', ' 磅', 200);
  if (errors.length) return { ok: false, errors };

  const textWidth = p.paper.widthMm - p.margins.leftMm - p.margins.rightMm;
  const textHeight = p.paper.heightMm - p.margins.topMm - p.margins.bottomMm;
  if (textWidth <= 0) errors.push(`左右边距之和（${num(p.margins.leftMm + p.margins.rightMm)} 毫米）不小于纸张宽度（${num(p.paper.widthMm)} 毫米），没有留下版心。`);
  if (textHeight <= 0) errors.push(`上下边距之和（${num(p.margins.topMm + p.margins.bottomMm)} 毫米）不小于纸张高度（${num(p.paper.heightMm)} 毫米），没有留下版心。`);
  if (p.body.lineSpacingPt < p.body.sizePt) errors.push(`正文行距 ${num(p.body.lineSpacingPt)} 磅小于正文字号 ${num(p.body.sizePt)} 磅，各行文字会重叠。`);
  if (p.title.lineSpacingPt < p.title.sizePt) errors.push(`标题行距 ${num(p.title.lineSpacingPt)} 磅小于标题字号 ${num(p.title.sizePt)} 磅，各行文字会重叠。`);
  p.headings.forEach((h, i) => {
    if (h.sizePt > p.body.lineSpacingPt) errors.push(`${i + 1}级标题字号 ${num(h.sizePt)} 磅大于正文行距 ${num(p.body.lineSpacingPt)} 磅，标题文字会被截去。`);
  });
  if (p.addressee.sizePt > p.body.lineSpacingPt) errors.push(`主送机关字号 ${num(p.addressee.sizePt)} 磅大于正文行距 ${num(p.body.lineSpacingPt)} 磅，文字会被截去。`);
  if (Math.abs(p.body.characterSpacingPt * 20 - Math.round(p.body.characterSpacingPt * 20)) > 1e-6) errors.push(`字间距 ${num(p.body.characterSpacingPt)} 磅须为 0.05 磅的整数倍（Word 以 1/20 磅记录）。`);
  if (p.body.characterSpacingPt <= -p.body.sizePt / 2) errors.push(`字间距 ${num(p.body.characterSpacingPt)} 磅紧缩过多（不能紧缩到字号的一半），文字会挤在一起。`);
  if (p.body.characterSpacingPt > p.body.sizePt) errors.push(`字间距 ${num(p.body.characterSpacingPt)} 磅过大（超过字号）。`);
  if (errors.length) return { ok: false, errors };

  const grid = profileGrid(p);
  if (grid.linesPerPage < 1) errors.push(`版心高度 ${num(grid.textHeightPt)} 磅放不下一行正文（行距 ${num(p.body.lineSpacingPt)} 磅），每页 0 行。`);
  if (grid.charsPerLine < 1) errors.push(`版心宽度 ${num(grid.textWidthPt)} 磅放不下一个正文字符，每行 0 字。`);
  else {
    if (p.body.firstLineIndentChars < 0 || p.body.firstLineIndentChars >= grid.charsPerLine) errors.push(`首行缩进 ${num(p.body.firstLineIndentChars)} 字须在 0 到每行字数（${grid.charsPerLine}）之间。`);
    if (p.attachment.indentChars < 0 || p.attachment.indentChars + 4 >= grid.charsPerLine) errors.push(`附件说明缩进 ${num(p.attachment.indentChars)} 字超出每行字数（${grid.charsPerLine}）。`);
    const sig = p.signature;
    if (sig.rightChars < 0 || sig.dateShiftChars < 0 || sig.sealedDateRightChars < 0) errors.push('署名和成文日期的位置（空几字）不能为负数。');
    else if (Math.max(sig.rightChars + sig.dateShiftChars, sig.sealedDateRightChars) + 10 > grid.charsPerLine) errors.push(`署名和成文日期右空字数过大，每行只有 ${grid.charsPerLine} 字，放不下日期。`);
  }
  if (Math.floor((grid.textWidthPt + 1e-9) / p.title.sizePt) < 1) errors.push(`版心宽度 ${num(grid.textWidthPt)} 磅放不下一个 ${num(p.title.sizePt)} 磅的标题字。`);
  if (p.title.lineSpacingPt * 20 > grid.textHeightPt * 20) errors.push(`标题行距 ${num(p.title.lineSpacingPt)} 磅大于版心高度。`);
  if (p.title.blankLinesAfter < 0 || p.title.blankLinesAfter > 5) errors.push('标题下空行数须在 0 到 5 之间。');
  if (p.signature.blankLinesBefore < 0 || p.signature.blankLinesBefore > 10) errors.push('署名前空行数须在 0 到 10 之间。');
  if (p.attachment.blankLinesBefore < 0 || p.attachment.blankLinesBefore > 5) errors.push('附件说明前空行数须在 0 到 5 之间。');
  if (p.pageNumber.indentChars < 0 || p.pageNumber.indentChars * p.pageNumber.sizePt > grid.textWidthPt / 2) errors.push(`页码距版心边缘 ${num(p.pageNumber.indentChars)} 字不合理（须不小于 0，且小于版心宽度的一半）。`);
  if (p.pageNumber.belowTextMm < 0) errors.push('页码与版心的距离不能为负数。');
  else if (p.pageNumber.placement !== 'none' && profileTwips(p).footer < 0) {
    errors.push(`页码在版心下 ${num(p.pageNumber.belowTextMm)} 毫米，加上页码字高超出了下边距（${num(p.margins.bottomMm)} 毫米），页码会落到纸外。`);
  }
  return errors.length ? { ok: false, errors } : { ok: true };
}
