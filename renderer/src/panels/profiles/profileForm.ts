// The 版式设置 form's rules, kept pure so they are tested without a DOM: the fonts offered,
// font sizes by their Chinese names, setting 每页行数 / 每行字数 (they write the line pitch and the
// condensing that give them), names for copies, and what the form checks before 保存.
import type { SavedProfile } from '@common/contract';
import type { FormatProfile } from '@common/formatProfile';
import { characterSpacingFor, chineseFontSizes, profileTwips, validateProfile } from '@common/formatProfile';

/** Fonts offered in the font boxes: the government fonts first, then stock Windows ones (any name may be typed). */
export const COMMON_FONTS: readonly string[] = [
  '方正小标宋简体',
  '方正小标宋_GBK',
  '仿宋_GB2312',
  '楷体_GB2312',
  '黑体',
  '仿宋',
  '楷体',
  '宋体',
  '方正仿宋_GBK',
  '方正楷体_GBK',
  '方正黑体_GBK',
  '华文中宋',
  '微软雅黑',
  'Times New Roman',
];

/** The Chinese size names, largest first: [name, points]. */
export const SIZE_NAMES: readonly (readonly [string, number])[] = Object.entries(chineseFontSizes).sort((a, b) => b[1] - a[1]);

/** The Chinese name of a size in points (16 → 三号), or null when it has none. */
export function sizeName(pt: number): string | null {
  return SIZE_NAMES.find(([, size]) => Math.abs(size - pt) < 1e-6)?.[0] ?? null;
}

/** Page-number placements, as the form names them. */
export const PLACEMENTS: readonly (readonly [FormatProfile['pageNumber']['placement'], string])[] = [
  ['outside', '单页居右、双页居左（GB/T 9704）'],
  ['center', '居中'],
  ['none', '不显示页码'],
];

/** A copy of a profile with one change made to the copy. */
export function edit(profile: FormatProfile, change: (p: FormatProfile) => void): FormatProfile {
  const next = structuredClone(profile);
  change(next);
  return next;
}

/**
 * The profile with the body line pitch that gives `lines` lines per page: the largest pitch (in
 * whole twips, as Word stores it) at which they still fit — 22 on A4 with GB/T margins → 28.95 pt.
 */
export function withLinesPerPage(profile: FormatProfile, lines: number): FormatProfile {
  const height = profileTwips(profile).textHeight;
  return edit(profile, (p) => {
    p.body.lineSpacingPt = Math.floor(height / lines) / 20;
  });
}

/** The profile with the condensing that gives `chars` body characters per line (28 → −0.25 pt). */
export function withCharsPerLine(profile: FormatProfile, chars: number): FormatProfile {
  return edit(profile, (p) => {
    p.body.characterSpacingPt = characterSpacingFor(profile, chars);
  });
}

/** The profile with a new body font or size; 主送机关 follows the body, as GB/T 9704 sets it. */
export function withBody(profile: FormatProfile, change: (body: FormatProfile['body']) => void): FormatProfile {
  return edit(profile, (p) => {
    change(p.body);
    p.addressee = { font: { ...p.body.font }, sizePt: p.body.sizePt };
  });
}

/** A name as compared for uniqueness (as core compares it): full-width folded, trimmed, case ignored. */
function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** A name for a copy that no profile has yet: "本局格式 副本", then "本局格式 副本 2" … (30 characters at most). */
export function copyName(base: string, taken: readonly string[]): string {
  const names = new Set(taken.map(nameKey));
  const stem = base.replace(/ 副本( \d+)?$/u, '').slice(0, 24);
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${stem} 副本` : `${stem} 副本 ${n}`;
    if (!names.has(nameKey(name))) return name;
  }
}

/**
 * What stops 保存: the name (empty, over 30 characters, already used by another profile) and every
 * value that cannot be laid out (validateProfile), in Chinese. Empty when the draft can be saved.
 */
export function draftProblems(name: string, profile: FormatProfile, others: readonly SavedProfile[]): string[] {
  const problems: string[] = [];
  const trimmed = name.trim();
  if (!trimmed) problems.push('方案名称不能为空。');
  else if ([...trimmed].length > 30) problems.push('方案名称不超过 30 个字。');
  else {
    const clash = others.find((o) => nameKey(o.name) === nameKey(trimmed));
    if (clash) problems.push(`已有名为“${clash.name}”的版式方案，请换一个名称。`);
  }
  const valid = validateProfile({ ...profile, name: trimmed || profile.name });
  if (!valid.ok) problems.push(...valid.errors);
  return problems;
}
