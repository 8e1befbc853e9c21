// Saved profiles checked by a real client, like layout.test.ts does for GB/T 9704: a long report is
// exported with two local profiles, converted by LibreOffice and measured. What profileGrid
// promises (and the 版式设置 dialog shows live) must be what prints: the margins, the lines per full
// page at the profile's pitch, the characters per full line, the page count the export reports,
// and the page numbers centred — or absent when the profile has none. Page 1 of the first is
// rendered to PNG for a human look. LibreOffice and poppler-utils are required (CI installs them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormatProfile, ProfileGrid } from '../../common/formatProfile';
import { GBT9704_PROFILE, characterSpacingFor, profileGrid, profileTwips, validateProfile } from '../../common/formatProfile';
import { exportDocx } from './docx';
import type { PdfLine } from './pdfSupport';
import { readPdfLines, run } from './pdfSupport';
import { generatedReport } from './testSupport';

const outDir = path.join(os.tmpdir(), 'wengao-export-profiles');
const PT_PER_MM = 72 / 25.4;

/** A profile with its grid set the way the dialog sets 每页行数 and 每行字数. */
function local(name: string, change: (p: FormatProfile) => void, lines: number, chars: number): FormatProfile {
  const p = structuredClone(GBT9704_PROFILE);
  p.name = name;
  change(p);
  p.body.lineSpacingPt = Math.floor(profileTwips(p).textHeight / lines) / 20;
  p.body.characterSpacingPt = characterSpacingFor(p, chars);
  return p;
}

const profiles = [
  // Narrower margins, 25 lines of 30 characters, bold level 2/3, page numbers centred.
  local(
    '本局格式',
    (p) => {
      p.margins = { topMm: 30, bottomMm: 30, leftMm: 25, rightMm: 25 };
      p.headings[1].bold = true;
      p.headings[2].bold = true;
      p.pageNumber.placement = 'center';
    },
    25,
    30,
  ),
  // GB/T margins, 20 lines of 26 characters (expanded, not condensed), no page numbers.
  local(
    '宽松无页码',
    (p) => {
      p.pageNumber.placement = 'none';
    },
    20,
    26,
  ),
];

/** A profile's export as LibreOffice rendered it. */
interface Rendered {
  profile: FormatProfile;
  grid: ProfileGrid;
  /** Pages the export reported. */
  pages: number;
  pdfPages: PdfLine[][];
  footers: PdfLine[];
  pageSize: [number, number];
}

const rendered: Rendered[] = [];
let profileDir = '';

/** Where a profile's text area starts and ends, in pt. */
function area(p: FormatProfile): { top: number; left: number; right: number; bottom: number; pitch: number } {
  return {
    top: p.margins.topMm * PT_PER_MM,
    left: p.margins.leftMm * PT_PER_MM,
    right: (p.paper.widthMm - p.margins.rightMm) * PT_PER_MM,
    bottom: (p.paper.heightMm - p.margins.bottomMm) * PT_PER_MM,
    pitch: p.body.lineSpacingPt,
  };
}

/** The grid row (0-based) a body line sits on. */
function rowOf(p: FormatProfile, line: PdfLine): number {
  const a = area(p);
  return Math.round((line.yMax - a.top) / a.pitch) - 1;
}

before(async () => {
  run('soffice', ['--version'], 'libreoffice-writer-nogui');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'wengao-lo-profile-'));
  const report = generatedReport(24_000, 7);
  const files: string[] = [];
  const exported: { profile: FormatProfile; pages: number; pdf: string }[] = [];
  for (const [i, profile] of profiles.entries()) {
    assert.deepEqual(validateProfile(profile), { ok: true }, profile.name);
    const { buffer, pages } = await exportDocx({ title: report.title, content: report.content, profile });
    const file = path.join(outDir, `profile-${i + 1}.docx`);
    writeFileSync(file, buffer);
    files.push(file);
    exported.push({ profile, pages, pdf: file.replace(/\.docx$/, '.pdf') });
  }
  run('soffice', [`-env:UserInstallation=${pathToFileURL(profileDir).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], 'libreoffice-writer-nogui');
  for (const e of exported) {
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [e.pdf], 'poppler-utils'));
    const { pages, footers } = readPdfLines(e.pdf, area(e.profile).bottom);
    rendered.push({ profile: e.profile, grid: profileGrid(e.profile), pages: e.pages, pdfPages: pages, footers, pageSize: [Number(size?.[1]), Number(size?.[2])] });
  }
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', (exported[0] as { pdf: string }).pdf, path.join(outDir, 'profile-1-page')], 'poppler-utils');
});

after(() => {
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

test('the grids asked for: 25 × 30 and 20 × 26', () => {
  assert.deepEqual(
    rendered.map((r) => [r.grid.linesPerPage, r.grid.charsPerLine]),
    [
      [25, 30],
      [20, 26],
    ],
  );
});

test('LibreOffice’s page count is the one the export reports', (t) => {
  t.diagnostic(rendered.map((r) => `${r.profile.name}: 导出 ${r.pages} 页，LibreOffice ${r.pdfPages.length} 页`).join('; '));
  for (const r of rendered) {
    assert.ok(r.pdfPages.length > 5, r.profile.name);
    assert.equal(r.pdfPages.length, r.pages, r.profile.name);
  }
  // More lines of more characters take fewer pages.
  assert.ok((rendered[0] as Rendered).pages < (rendered[1] as Rendered).pages);
});

test('margins: text starts at the profile’s left and top margins and stays inside the text area', () => {
  for (const r of rendered) {
    const a = area(r.profile);
    assert.ok(Math.abs(r.pageSize[0] - 595.3) < 0.1 && Math.abs(r.pageSize[1] - 841.9) < 0.1, r.pageSize.join(' × '));
    const lines = r.pdfPages.flat();
    const left = Math.min(...lines.map((l) => l.xMin));
    assert.ok(Math.abs(left - a.left) < 0.6, `${r.profile.name}: left edge ${left}, margin ${a.left}`);
    const full = lines.filter((l) => l.xMax > a.right - 3 && l.xMax < a.right + 0.5);
    assert.ok(full.length > 20, `${r.profile.name}: ${full.length} lines reach the right margin`);
    for (const page of r.pdfPages.slice(1)) {
      const first = page[0] as PdfLine;
      assert.ok(first.yMin > a.top - 1 && rowOf(r.profile, first) >= 0, `${r.profile.name}: first line at ${first.yMin}`);
      assert.ok((page[page.length - 1] as PdfLine).yMax <= a.bottom + 0.5);
    }
  }
});

test('full pages hold the grid’s lines at the profile’s pitch', (t) => {
  for (const r of rendered) {
    const { pitch } = area(r.profile);
    const counts = r.pdfPages.slice(1).map((lines) => rowOf(r.profile, lines[lines.length - 1] as PdfLine) + 1);
    t.diagnostic(`${r.profile.name}: rows per page ${counts.join(' ')}`);
    assert.ok(counts.every((n) => n <= r.grid.linesPerPage));
    assert.ok(counts.filter((n) => n === r.grid.linesPerPage).length >= counts.length / 2, `${r.profile.name}: ${counts.join(' ')}`);
    const steps = r.pdfPages.slice(1).flatMap((lines) => lines.slice(1).map((l, i) => l.yMax - (lines[i] as PdfLine).yMax)).filter((s) => s < pitch * 1.5);
    const mean = steps.reduce((x, y) => x + y, 0) / steps.length;
    assert.ok(Math.abs(mean - pitch) < 0.03, `${r.profile.name}: mean pitch ${mean}, profile ${pitch}`);
  }
});

test('full body lines hold the grid’s characters (after the 2-character indent, what fits in the rest)', (t) => {
  const cjkOnly = /^[\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”‘’—…]+$/u;
  const hanging = /[!,.:;?、。！，．：；？]$/u;
  // What may not start a line (”。、 …) is carried down with the character before it.
  const carried = /^([“‘（《「『【〔〈［｛(\x21-\x7e]|.[”’）》」』】〕〉］｝、。，；：！？!),.:;?]|.?[—…])/u;
  for (const r of rendered) {
    const a = area(r.profile);
    const tw = profileTwips(r.profile);
    const size = r.profile.body.sizePt * 20;
    const indent = 2 * size;
    // The indent is two characters of the font size, not of the condensed advance.
    const indentedChars = Math.floor((tw.textWidth - indent - size) / tw.bodyAdvance) + 1;
    let full = 0;
    let carriedDown = 0;
    const lines = r.pdfPages.flat();
    lines.forEach((l, i) => {
      if (!cjkOnly.test(l.text) || l.xMax < a.right - 2) return;
      let chars = [...l.text].length;
      if (l.xMax > a.right + 1 && hanging.test(l.text)) chars -= 1;
      const indented = Math.abs(l.xMin - (a.left + indent / 20)) < 0.6;
      if (!indented && Math.abs(l.xMin - a.left) > 0.6) return;
      const expected = indented ? indentedChars : r.grid.charsPerLine;
      if (chars === expected) full += 1;
      else {
        const next = lines[i + 1]?.text ?? '';
        assert.ok(chars >= expected - 3 && chars < expected && carried.test(next), `${r.profile.name}: ${chars} characters in “${l.text}”, next “${next.slice(0, 4)}”`);
        carriedDown += 1;
      }
    });
    t.diagnostic(`${r.profile.name}: ${full} lines of exactly ${r.grid.charsPerLine} characters (${indentedChars} indented), ${carriedDown} shorter where the next line may not start`);
    assert.ok(full > 60 && carriedDown < full / 4, `${r.profile.name}: ${full} full, ${carriedDown} carried`);
  }
});

test('page numbers: centred "— N —" under the text area, or none at all', () => {
  const [centred, none] = rendered as [Rendered, Rendered];
  const a = area(centred.profile);
  assert.equal(centred.footers.length, centred.pdfPages.length);
  centred.footers.forEach((f, i) => {
    assert.equal(f.text, `— ${i + 1} —`);
    assert.ok(Math.abs((f.xMin + f.xMax) / 2 - (a.left + a.right) / 2) < 1.5, `p${i + 1}: centre ${(f.xMin + f.xMax) / 2}`);
  });
  assert.equal(none.footers.length, 0, 'no page numbers');
});
