// The PDF's pages, line by line: the export's layout plan broken into lines and pages exactly as
// the page estimate breaks them (the way LibreOffice lays out the .docx), so the PDF has the same
// lines on the same pages as the Word file. Chromium only draws each line: its runs in their
// element's font, justified (all but a paragraph's last line), at the paragraph's indents.
import type { FontPair, FormatProfile } from '@common/formatProfile';
import { profileTwips } from '@common/formatProfile';
import type { LayoutInput, LayoutKind, RunRole } from '@common/pageEstimate';
import { layoutPlan, paginate, paragraphLineRanges, roleMetrics } from '@common/pageEstimate';

/** A piece of a line in one element's format. */
export interface PrintRun {
  text: string;
  role: RunRole;
}

/** One line of a printed page. */
export interface PrintLine {
  kind: LayoutKind;
  runs: PrintRun[];
  /** justify: spread to both margins (every line of a justified paragraph but its last). */
  align: 'justify' | 'left' | 'right' | 'center';
  /** Distance of the line's start from the text area's left edge, in twips (first-line indent included). */
  left: number;
  /** Distance of the line's end from the text area's right edge, in twips. */
  right: number;
  /** Line pitch in twips. */
  height: number;
  /** The last character is a mark hanging past the right margin (as LibreOffice sets it). */
  hangs: boolean;
}

/** One printed page: its lines, top to bottom. */
export interface PrintPage {
  lines: PrintLine[];
}

/** The pieces of runs that fall in the code-point range [start, end). */
function runsBetween(runs: readonly { text: string; role: RunRole }[], start: number, end: number): PrintRun[] {
  const out: PrintRun[] = [];
  let at = 0;
  for (const run of runs) {
    const chars = [...run.text];
    const from = Math.max(start, at);
    const to = Math.min(end, at + chars.length);
    if (to > from) out.push({ text: chars.slice(from - at, to - at).join(''), role: run.role });
    at += chars.length;
  }
  return out;
}

/** The report's pages as the export lays them out (same lines, same page breaks). */
export function printPages(profile: FormatProfile, input: LayoutInput): PrintPage[] {
  const t = profileTwips(profile);
  const plan = layoutPlan(profile, input, t);
  const ranges = plan.map((p) => paragraphLineRanges(profile, p, t));
  const estimate = paginate(
    plan,
    ranges.map((r) => r.length),
    t.textHeight,
  );
  const pages: PrintPage[] = [{ lines: [] }];
  let next = 0;
  plan.forEach((p, index) => {
    const lines = ranges[index] ?? [];
    lines.forEach((range, n) => {
      const b = estimate.breaks[next];
      if (b && b.paragraph === index && b.line === n) {
        pages.push({ lines: [] });
        next += 1;
      }
      const last = n === lines.length - 1 || range.forced;
      const align = p.align === 'both' ? (last ? 'left' : 'justify') : p.align;
      (pages[pages.length - 1] as PrintPage).lines.push({
        kind: p.kind,
        runs: runsBetween(p.runs, range.start, range.end),
        align,
        left: p.left + (n === 0 ? p.firstLine : 0),
        right: p.right,
        height: p.lineHeight,
        hangs: range.hangs,
      });
    });
  });
  return pages;
}

/** Twips as a CSS length in points. */
export function pt(twips: number): string {
  return `${Math.round(twips * 5) / 100}pt`;
}

/**
 * Millimetres of the right margin given to the page area: Chromium clips what a page paints
 * outside its page area, and a mark hanging past the text (as LibreOffice sets 。，、 at a line's
 * end) must still print. The text keeps its width (the print view is as wide as the text area).
 */
export function hangRoomMm(profile: FormatProfile): number {
  return Math.max(0, Math.min(profile.margins.rightMm, 8));
}

/** The @page rule of a profile: paper size and margins (the .docx's, less the room for hanging marks on the right). */
export function pageRule(profile: FormatProfile): string {
  const { paper, margins } = profile;
  const size = paper.widthMm === 210 && paper.heightMm === 297 ? 'A4' : `${paper.widthMm}mm ${paper.heightMm}mm`;
  return `size: ${size}; margin: ${margins.topMm}mm ${margins.rightMm - hangRoomMm(profile)}mm ${margins.bottomMm}mm ${margins.leftMm}mm;`;
}

/** Fonts to fall back to when the profile's Chinese font is not installed (by what it is named like). */
function fallbacks(eastAsia: string): string[] {
  if (/仿宋|fangsong/iu.test(eastAsia)) return ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN'];
  if (/楷|kai/iu.test(eastAsia)) return ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC'];
  if (/黑|hei/iu.test(eastAsia)) return ['黑体', 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC'];
  return ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '宋体', 'SimSun', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN'];
}

/** A CSS font-family list quoted safely. */
function quoteFamilies(names: readonly string[]): string {
  return [...new Set(names)].map((n) => `"${n.replace(/["\\]/g, '')}"`).join(', ');
}

/** The font pair of a run role. */
function fontOf(profile: FormatProfile, role: RunRole): { font: FontPair; bold: boolean } {
  if (role === 'title') return { font: profile.title.font, bold: profile.title.bold };
  if (role === 'body') return { font: profile.body.font, bold: false };
  if (role === 'addressee') return { font: profile.addressee.font, bold: false };
  const h = profile.headings[Number(role.slice(7)) - 1] ?? profile.headings[0];
  return { font: h.font, bold: h.bold };
}

const roles: RunRole[] = ['title', 'body', 'addressee', 'heading1', 'heading2', 'heading3', 'heading4'];

/** The print stylesheet of a profile: @page, page numbers, a Latin face per role limited to Latin letters and digits, each role's font. */
export function printStyles(profile: FormatProfile): string {
  const css: string[] = [];
  const pn = profile.pageNumber;
  const room = hangRoomMm(profile);
  const numberFont = quoteFamilies([pn.font.eastAsia, pn.font.ascii, '宋体', 'SimSun', 'Noto Serif CJK SC', 'AR PL UMing CN']);
  const numberBox = (side: 'left' | 'right' | 'center'): string =>
    `content: "— " counter(page) " —"; font-family: ${numberFont}; font-size: ${pn.sizePt}pt; line-height: ${pn.sizePt}pt; vertical-align: top; ` +
    `padding-top: ${profile.pageNumber.belowTextMm}mm; text-align: ${side}; ${side === 'center' ? `padding-right: ${room}mm;` : `padding-${side}: calc(${pn.indentChars * pn.sizePt}pt + ${side === 'right' ? room : 0}mm);`} color: #000;`;
  css.push(`@page { ${pageRule(profile)} }`, `.print-view { width: ${pt(profileTwips(profile).textWidth)}; }`);
  if (pn.placement === 'center') css.push(`@page { @bottom-center { ${numberBox('center')} } }`);
  else css.push(`@page :right { @bottom-right { ${numberBox('right')} } }`, `@page :left { @bottom-left { ${numberBox('left')} } }`);
  roles.forEach((role, i) => {
    const { font, bold } = fontOf(profile, role);
    const { size, spacing } = roleMetrics(profile, role);
    // The Latin font takes Latin letters, digits and ASCII punctuation only, as Word's w:ascii does.
    css.push(`@font-face { font-family: "wg-latin-${i}"; src: ${[...new Set([font.ascii.replace(/["\\]/g, ''), 'Times New Roman', 'Liberation Serif'])].map((f) => `local("${f}")`).join(', ')}; unicode-range: U+0021-007E, U+00A1-024F; }`);
    css.push(
      `.print-run-${role} { font-family: "wg-latin-${i}", ${quoteFamilies([font.eastAsia, ...fallbacks(font.eastAsia)])}, serif; font-size: ${pt(size)}; ` +
        `letter-spacing: ${pt(spacing)}; font-weight: ${bold ? 'bold' : 'normal'}; }`,
    );
  });
  return css.join('\n');
}
