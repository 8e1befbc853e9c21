// The stages of an export (排版 → 生成 → 保存) with the current one marked, shown while a Word
// or PDF export of a long document runs, so the writer sees it is moving and where.
import type { JSX } from 'react';
import { Dialog } from '../../ui/Dialog';
import { CheckIcon } from '../../ui/icons';

/** The stages of an export, in order. */
export const exportStages = ['layout', 'generate', 'save'] as const;
/** One stage of an export. */
export type ExportStage = (typeof exportStages)[number];

/** What each stage is called. */
export const exportStageNames: Record<ExportStage, string> = { layout: '排版', generate: '生成', save: '保存' };

/** Props of ExportProgress. */
export interface ExportProgressProps {
  stage: ExportStage;
  /** What is happening now, in a sentence ("正在生成 PDF（106 页）…"). */
  note: string;
}

/** The stage list and the current step's note. */
export function ExportProgress({ stage, note }: ExportProgressProps): JSX.Element {
  const current = exportStages.indexOf(stage);
  return (
    <div className="export-progress" data-testid="export-progress" data-stage={stage}>
      <ol className="export-stages" aria-label="导出进度">
        {exportStages.map((s, i) => (
          <li key={s} className={i < current ? 'is-done' : i === current ? 'is-current' : ''} aria-current={i === current ? 'step' : undefined}>
            <span className="export-stage-mark" aria-hidden="true">
              {i < current ? <CheckIcon width={12} height={12} /> : i + 1}
            </span>
            {exportStageNames[s]}
          </li>
        ))}
      </ol>
      <p role="status" className="export-progress-note">
        {note}
      </p>
    </div>
  );
}

/** Props of ExportFailed. */
export interface ExportFailedProps {
  /** The dialog's title (导出为 Word / 导出为 PDF). */
  title: string;
  /** What went wrong and what to do, in Chinese. */
  message: string;
  onClose: () => void;
}

/** An export that failed: the message and 知道了. */
export function ExportFailed({ title, message, onClose }: ExportFailedProps): JSX.Element {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          知道了
        </button>
      }
    >
      <p role="alert">{message}</p>
    </Dialog>
  );
}
