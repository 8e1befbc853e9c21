// The page estimate as the editor shows it: the export's layout plan and page breaks
// (main/common/pageEstimate.ts, which matches LibreOffice page for page) computed from the
// editor's blocks, with each paragraph's line count remembered by its text so a keystroke in a
// long report re-breaks one paragraph; and where on the page each new page starts (which block,
// which of its lines), for the "第 N 页" markers.
import type { FormatProfile } from '@common/formatProfile';
import { profileGrid, profileTwips } from '@common/formatProfile';
import type { LayoutInput, LayoutParagraph, PageEstimate } from '@common/pageEstimate';
import { layoutPlan, paginate, paragraphLines } from '@common/pageEstimate';

/** The key a paragraph's line count depends on: its indents and its runs (role and text). */
function paragraphKey(p: LayoutParagraph): string {
  let key = `${p.firstLine},${p.left},${p.right}`;
  for (const run of p.runs) key += `\u0001${run.role}\u0002${run.text}`;
  return key;
}

/** A laid-out report: the plan and its pages. */
export interface EstimatedLayout {
  plan: LayoutParagraph[];
  estimate: PageEstimate;
}

/**
 * Estimates pages under one profile, remembering each paragraph's line count between calls (only
 * paragraphs seen in the last call are kept, so memory follows the document).
 */
export class PageEstimator {
  private counts = new Map<string, number>();
  /** Paragraphs broken into lines by the last call (the rest came from the cache). */
  lastBroken = 0;

  constructor(readonly profile: FormatProfile) {}

  /**
   * The layout plan and page estimate of a report (title with fields filled, blocks of
   * reportBlocks). With shouldYield (an idle callback's deadline), breaking paragraphs into lines
   * stops when it says so and the call answers null: the lines counted so far are kept, and the
   * next call goes on from there, so the first count of a long report never blocks typing long.
   */
  estimate(input: LayoutInput): EstimatedLayout;
  estimate(input: LayoutInput, shouldYield: () => boolean): EstimatedLayout | null;
  estimate(input: LayoutInput, shouldYield?: () => boolean): EstimatedLayout | null {
    const t = profileTwips(this.profile);
    const plan = layoutPlan(this.profile, input, t);
    const next = new Map<string, number>();
    const counts: number[] = [];
    let broken = 0;
    for (const p of plan) {
      const key = paragraphKey(p);
      let count = next.get(key) ?? this.counts.get(key);
      if (count === undefined) {
        if (broken > 0 && shouldYield?.()) {
          // Out of time: keep what is known (old and new counts) for the next call.
          for (const [k, v] of next) this.counts.set(k, v);
          this.lastBroken = broken;
          return null;
        }
        count = paragraphLines(this.profile, p, t).length;
        broken += 1;
      }
      next.set(key, count);
      counts.push(count);
    }
    this.counts = next;
    this.lastBroken = broken;
    return { plan, estimate: paginate(plan, counts, t.textHeight) };
  }
}

/** Where page N starts in the editor: the index of the block among the root's children and the line of it. */
export interface PageStart {
  page: number;
  block: number;
  /** The line of the block the page starts with (0: at the block's top). */
  line: number;
}

/**
 * The block (root child index) and line where each page after the first starts. A page that starts
 * on an inserted empty line (before 附件说明 or 署名) starts, in the editor, at the next block; a
 * block exported as several paragraphs (附件说明 items) counts lines across them.
 */
export function pageStarts(layout: EstimatedLayout): PageStart[] {
  const { plan, estimate } = layout;
  const out: PageStart[] = [];
  for (const b of estimate.breaks) {
    if (b.block !== null) {
      let line = b.line;
      for (let j = b.paragraph - 1; j >= 0 && plan[j]?.block === b.block; j -= 1) line += estimate.lines[j] ?? 1;
      out.push({ page: b.page, block: b.block, line });
      continue;
    }
    const next = plan.slice(b.paragraph + 1).find((p) => p.block !== null);
    if (next && next.block !== null) out.push({ page: b.page, block: next.block, line: 0 });
  }
  return out;
}

/** A page marker on one block: at the top of one of its lines, or at its bottom edge. */
export interface PageMarker {
  page: number;
  block: number;
  at: 'start' | 'end';
  /** For 'start': the line of the block the marker sits above. */
  line: number;
}

/**
 * The markers to draw. A page that starts at the top of a level-1 heading is marked at the bottom
 * of the block before it (the same place on screen), because the heading's margin already carries
 * its section label.
 */
export function pageMarkers(starts: readonly PageStart[], isLevel1: (block: number) => boolean): PageMarker[] {
  return starts.map((s) => (s.line === 0 && s.block > 0 && isLevel1(s.block) ? { page: s.page, block: s.block - 1, at: 'end', line: 0 } : { page: s.page, block: s.block, at: 'start', line: s.line }));
}

/** The status bar's tooltip: what the count is based on. */
export function pagesTitle(profile: FormatProfile): string {
  const grid = profileGrid(profile);
  return `导出为 Word 或 PDF 后的页数（按“${profile.name}”排版：每页 ${grid.linesPerPage} 行，每行 ${grid.charsPerLine} 字；与 LibreOffice 打开导出的 Word 文件所显示的页数一致）`;
}
