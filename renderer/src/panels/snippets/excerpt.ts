// A body excerpt for a result row that starts near the first match, so the highlight is in view
// in two lines. Pure.

/** The excerpt and its highlight ranges moved along with it. */
export function excerptAround(text: string, ranges: readonly (readonly [number, number])[], lead = 10): { text: string; ranges: [number, number][] } {
  const flat = text.replace(/\n/g, ' ');
  const first = ranges.reduce((min, [s]) => Math.min(min, s), Infinity);
  if (!Number.isFinite(first) || first <= lead + 4) return { text: flat, ranges: ranges.map(([s, e]) => [s, e]) };
  const cut = first - lead;
  return { text: `…${flat.slice(cut)}`, ranges: ranges.filter(([, e]) => e > cut).map(([s, e]) => [Math.max(s, cut) - cut + 1, e - cut + 1]) };
}
