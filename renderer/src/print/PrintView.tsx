// The print view of a report: its pages as printLayout.ts breaks them, drawn into the body (outside
// the app, which print.css hides when printing) with the profile's @page (paper, margins), fonts
// and page numbers ("— 1 —" in @page margin boxes: odd pages right, even pages left, one
// character in, below the text area). Chromium's printToPDF / page.pdf / window.print all print it.
import { createPortal } from 'react-dom';
import type { JSX } from 'react';
import type { FormatProfile } from '@common/formatProfile';
import { ptToTwips } from '@common/formatProfile';
import type { PrintPage } from './printLayout';
import { printStyles, pt } from './printLayout';
import './print.css';

/** Props of PrintView. */
export interface PrintViewProps {
  profile: FormatProfile;
  pages: readonly PrintPage[];
}

/** The report's pages for printing (invisible on screen). */
export function PrintView({ profile, pages }: PrintViewProps): JSX.Element {
  const bodyLine = ptToTwips(profile.body.lineSpacingPt);
  return createPortal(
    <div className="print-view" data-testid="print-view" data-pages={pages.length}>
      <style>{printStyles(profile)}</style>
      {pages.map((page, p) => (
        <div className="print-page" key={p}>
          {page.lines.map((line, l) => (
            <div
              key={l}
              className={`print-line is-${line.align} print-${line.kind}`}
              style={{ height: pt(line.height || bodyLine), lineHeight: pt(line.height || bodyLine), paddingLeft: pt(Math.max(0, line.left)), paddingRight: pt(line.right), textAlign: line.align }}
            >
              {line.runs.map((run, r) => {
                if (!line.hangs || r !== line.runs.length - 1) {
                  return (
                    <span key={r} className={`print-run-${run.role}`}>
                      {run.text}
                    </span>
                  );
                }
                // The hanging mark sits past the margin: it takes no room in the justified line.
                const chars = [...run.text];
                return (
                  <span key={r} className={`print-run-${run.role}`}>
                    {chars.slice(0, -1).join('')}
                    <span className="print-hang">{chars[chars.length - 1]}</span>
                  </span>
                );
              })}
            </div>
          ))}
        </div>
      ))}
    </div>,
    document.body,
  );
}
