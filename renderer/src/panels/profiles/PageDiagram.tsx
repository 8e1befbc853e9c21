// A small picture of one page of a profile, to scale: the paper, the margins (their sizes in mm),
// the text area (版心) with one rule per body line, and the page number where it will print.
// Impossible geometry (no text area) shows the paper with the margins overlapping, in red.
import type { JSX } from 'react';
import type { FormatProfile } from '@common/formatProfile';
import { profileGrid } from '@common/formatProfile';

const MM_PER_PT = 25.4 / 72;

/** Props of PageDiagram. */
export interface PageDiagramProps {
  profile: FormatProfile;
  /** Width of the picture in CSS pixels (the height follows the paper). */
  width?: number;
}

/** Formats a length in mm for a label (37, 26.5). */
function mm(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The page diagram. */
export function PageDiagram({ profile, width = 200 }: PageDiagramProps): JSX.Element {
  const { widthMm: w, heightMm: h } = profile.paper;
  const { topMm: top, bottomMm: bottom, leftMm: left, rightMm: right } = profile.margins;
  const paperOk = w > 0 && h > 0 && w <= 1000 && h <= 1000;
  const pw = paperOk ? w : 210;
  const ph = paperOk ? h : 297;
  const textW = pw - left - right;
  const textH = ph - top - bottom;
  const areaOk = textW > 0 && textH > 0;
  const grid = profileGrid(profile);
  const pitch = profile.body.lineSpacingPt * MM_PER_PT;
  const lines = areaOk && pitch > 0 ? Math.min(grid.linesPerPage, 200) : 0;
  const label = Math.max(7, pw / 24);
  const numberSize = Math.max(profile.pageNumber.sizePt * MM_PER_PT, 2);
  const numberY = ph - bottom + profile.pageNumber.belowTextMm + numberSize;
  const numberWidth = numberSize * 4;
  const indent = profile.pageNumber.indentChars * numberSize;
  const placement = profile.pageNumber.placement;
  const numberX = placement === 'center' ? pw / 2 - numberWidth / 2 : pw - right - indent - numberWidth;
  return (
    <svg
      className="page-diagram"
      width={width}
      height={(width * ph) / pw}
      viewBox={`-1 -1 ${pw + 2} ${ph + 2}`}
      role="img"
      aria-label={areaOk ? `页面示意：上 ${mm(top)}、下 ${mm(bottom)}、左 ${mm(left)}、右 ${mm(right)} 毫米，版心 ${mm(textW)} × ${mm(textH)} 毫米，每页 ${grid.linesPerPage} 行` : '页面示意：页边距没有留下版心'}
      data-testid="page-diagram"
    >
      <rect className="page-paper" x={0} y={0} width={pw} height={ph} />
      {areaOk ? (
        <>
          <rect className="page-text-area" x={left} y={top} width={textW} height={textH} />
          {Array.from({ length: lines }, (_, i) => {
            const y = top + (i + 1) * pitch;
            return <line key={i} className="page-rule" x1={left} x2={left + textW} y1={y} y2={y} />;
          })}
          {placement !== 'none' && numberY < ph ? <rect className="page-number" x={numberX} y={numberY - numberSize} width={numberWidth} height={numberSize} rx={numberSize / 4} /> : null}
        </>
      ) : (
        <rect className="page-text-area is-impossible" x={Math.min(left, pw - right)} y={Math.min(top, ph - bottom)} width={Math.abs(textW)} height={Math.abs(textH)} />
      )}
      <g className="page-labels" fontSize={label}>
        <text x={pw / 2} y={Math.max(top / 2 + label / 3, label)} textAnchor="middle">
          {mm(top)}
        </text>
        <text x={pw / 2} y={ph - Math.min(bottom / 2, label) + label / 3} textAnchor="middle">
          {mm(bottom)}
        </text>
        <text x={Math.max(left / 2, label)} y={ph / 2} textAnchor="middle">
          {mm(left)}
        </text>
        <text x={Math.min(pw - right / 2, pw - label)} y={ph / 2} textAnchor="middle">
          {mm(right)}
        </text>
      </g>
    </svg>
  );
}
