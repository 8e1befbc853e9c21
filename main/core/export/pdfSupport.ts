// Measuring a PDF that LibreOffice made of an export, for the layout tests: running the tools
// (a missing one fails with what to install) and reading the line boxes of every page with
// pdftotext -bbox-layout. Test-only; nothing in the app imports this.
import { spawnSync } from 'node:child_process';

/** One line of text as pdftotext -bbox-layout gives it (pieces on the same baseline merged). */
export interface PdfLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Runs a tool; a missing tool fails the test with what to install. */
export function run(command: string, args: string[], install: string, timeout = 180_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`找不到 ${command}：版式测试需要真实的 LibreOffice 与 poppler-utils。请安装 ${install}（如 apt-get install ${install}；CI 会安装）。`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败（${result.status}）：${result.stderr}`);
  return result.stdout;
}

/** Decodes the XML entities pdftotext writes. */
export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Reads the line boxes of every page: the body lines top to bottom, and per page the footer (the
 * text starting below `footerTop`, in pt from the top of the page), merged into one line.
 */
export function readPdfLines(pdf: string, footerTop: number): { pages: PdfLine[][]; footers: PdfLine[] } {
  const html = run('pdftotext', ['-bbox-layout', pdf, '-'], 'poppler-utils');
  const pages: PdfLine[][] = [];
  const footers: PdfLine[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const lines: PdfLine[] = [];
    let footer = null as PdfLine | null;
    for (const m of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      // Words are joined as set: a visible gap (a space) becomes a space.
      let text = '';
      let end = -1;
      for (const w of (m[5] ?? '').matchAll(/<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
        if (end >= 0 && Number(w[1]) - end > 2) text += ' ';
        text += unescapeXml(w[3] ?? '');
        end = Number(w[2]);
      }
      const line = { xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text };
      if (line.yMin > footerTop) {
        footer = footer ? { ...footer, xMin: Math.min(footer.xMin, line.xMin), xMax: Math.max(footer.xMax, line.xMax), text: footer.text + line.text } : line;
        continue;
      }
      const same = lines.find((l) => Math.abs(l.yMin - line.yMin) < 0.5);
      if (same) {
        same.xMin = Math.min(same.xMin, line.xMin);
        same.xMax = Math.max(same.xMax, line.xMax);
        same.text += line.text;
      } else lines.push(line);
    }
    lines.sort((a, b) => a.yMin - b.yMin);
    pages.push(lines);
    if (footer) footers.push(footer);
  }
  return { pages, footers };
}
