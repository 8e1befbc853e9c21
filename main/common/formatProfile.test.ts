import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormatProfile } from './formatProfile';
import { GBT9704_PROFILE, characterSpacingFor, formatProfileSchema, mmToTwips, profileGrid, profileTwips, validateProfile } from './formatProfile';

/** A copy of the default profile with some parts changed. */
function variant(change: (p: FormatProfile) => void): FormatProfile {
  const p = structuredClone(GBT9704_PROFILE);
  change(p);
  return p;
}

test('the GB/T 9704 profile is valid and encodes the numbers of word-export.md', () => {
  assert.deepEqual(validateProfile(GBT9704_PROFILE), { ok: true });
  assert.ok(formatProfileSchema.safeParse(GBT9704_PROFILE).success);
  const t = profileTwips(GBT9704_PROFILE);
  assert.deepEqual(
    { w: t.pageWidth, h: t.pageHeight, top: t.top, left: t.left, right: t.right, bottom: t.bottom, footer: t.footer, line: t.bodyLine, spacing: t.bodySpacing },
    { w: 11906, h: 16838, top: 2098, left: 1587, right: 1474, bottom: 1984, footer: 1307, line: 579, spacing: -5 },
  );
  assert.equal(mmToTwips(156), 8844); // the 156 mm text width, rounded the way Word stores margins
});

test('the grid is 22 lines × 28 characters on a 442.25 × 637.8 pt text area', () => {
  assert.deepEqual(profileGrid(GBT9704_PROFILE), { linesPerPage: 22, charsPerLine: 28, textWidthPt: 442.25, textHeightPt: 637.8 });
});

test('the grid follows LibreOffice: 29 or 30 pt give 21 lines, 27.75 pt still 22; plain 16 pt gives 27 characters, −0.2 pt is not enough', () => {
  const lines = (pt: number) => profileGrid(variant((p) => (p.body.lineSpacingPt = pt))).linesPerPage;
  assert.equal(lines(29), 21);
  assert.equal(lines(30), 21);
  assert.equal(lines(27.75), 22);
  assert.equal(lines(28), 22);
  const chars = (pt: number) => profileGrid(variant((p) => (p.body.characterSpacingPt = pt))).charsPerLine;
  assert.equal(chars(0), 27);
  assert.equal(chars(-0.2), 27);
  assert.equal(chars(-0.25), 28);
  assert.equal(characterSpacingFor(GBT9704_PROFILE, 28), -0.25);
  assert.equal(characterSpacingFor(GBT9704_PROFILE, 27), 0.35);
});

test('impossible profiles are refused with Chinese reasons', () => {
  const errors = (change: (p: FormatProfile) => void): string[] => {
    const result = validateProfile(variant(change));
    assert.equal(result.ok, false);
    return result.ok ? [] : result.errors;
  };
  assert.match(errors((p) => Object.assign(p.margins, { leftMm: 120, rightMm: 100 })).join(''), /左右边距之和.*没有留下版心/);
  assert.match(errors((p) => Object.assign(p.margins, { topMm: 150, bottomMm: 150 })).join(''), /上下边距之和/);
  assert.match(errors((p) => (p.body.lineSpacingPt = 12)).join(''), /正文行距 12 磅小于正文字号 16 磅/);
  assert.match(errors((p) => (p.body.lineSpacingPt = 0)).join(''), /正文行距必须大于 0/);
  assert.match(errors((p) => Object.assign(p.margins, { topMm: 140, bottomMm: 150 })).join(''), /每页 0 行/);
  assert.match(errors((p) => (p.body.characterSpacingPt = -0.23)).join(''), /0\.05 磅的整数倍/);
  assert.match(errors((p) => (p.headings[0].sizePt = 30)).join(''), /1级标题字号 30 磅大于正文行距/);
  assert.match(errors((p) => (p.pageNumber.belowTextMm = 40)).join(''), /页码会落到纸外/);
  assert.match(errors((p) => (p.body.font.eastAsia = ' ')).join(''), /正文：字体名称不能为空/);
  assert.match(errors((p) => (p.name = '')).join(''), /格式名称不能为空/);
  const shape = validateProfile({ name: '某局格式' });
  assert.equal(shape.ok, false);
  assert.ok(!shape.ok && shape.errors.every((e) => /[\u4e00-\u9fff]/u.test(e)));
});

test('local rules are valid profiles: 29 pt spacing with other margins, bold level 2/3, centred page numbers, sealed signature', () => {
  const local = variant((p) => {
    p.name = '某省地方格式';
    p.body.lineSpacingPt = 29;
    p.margins = { topMm: 35, bottomMm: 35, leftMm: 28, rightMm: 26 };
    p.headings[1].bold = true;
    p.headings[2].bold = true;
    p.pageNumber.placement = 'center';
    p.signature.sealed = true;
  });
  assert.deepEqual(validateProfile(local), { ok: true });
  assert.equal(profileGrid(local).linesPerPage, 22);
});

test('characters per line as LibreOffice sets them: the last character needs its full size, its spacing hangs', () => {
  // Measured on GB/T margins (text width 8845 twips) in LibreOffice 7.4 with 400 × 国.
  const withSpacing = (pt: number) => variant((p) => void (p.body.characterSpacingPt = pt));
  for (const [pt, chars] of [
    [-0.25, 28],
    [-0.75, 28],
    [-0.8, 29],
    [-1.3, 29],
    [-1.35, 30],
    [-1.8, 31],
    [0.35, 27],
    [1.05, 26],
    [1.75, 25],
    [2.5, 24],
  ] as const) {
    assert.equal(profileGrid(withSpacing(pt)).charsPerLine, chars, `${pt} pt`);
  }
  for (const chars of [24, 25, 26, 27, 28, 29, 30, 31, 32]) {
    assert.equal(profileGrid(withSpacing(characterSpacingFor(GBT9704_PROFILE, chars))).charsPerLine, chars, `${chars} chars`);
  }
});
