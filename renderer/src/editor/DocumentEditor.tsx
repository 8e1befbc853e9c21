// One document's editor: a LexicalComposer created for exactly one document id and load, so the
// edits it reports can only ever be saved to that document. The workspace remounts it (key =
// document id + load number) to show another document. Beside the page: the outline panel or the
// 常用语 panel (one at a time).
import { memo, useCallback, useMemo, useState } from 'react';
import type { JSX, MouseEvent, ReactNode } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import type { FormatProfile } from '@common/formatProfile';
import { GBT9704_PROFILE } from '@common/formatProfile';
import type { ImportPreview } from '@common/contract';
import type { FieldValues } from '@common/reportModel';
import type { TemplateField } from '@common/templates';
import { OutlinePanel } from '../panels/OutlinePanel';
import { SnippetsPanel } from '../panels/snippets/SnippetsPanel';
import { SnippetsProvider } from '../panels/snippets/SnippetsProvider';
import { SnippetTypeahead } from '../panels/snippets/SnippetTypeahead';
import type { SnippetsEnv } from '../panels/snippets/snippetsSession';
import type { AutosaveQueue } from './autosave';
import { FieldsContext } from './features/report/fieldValues';
import type { FieldsContextValue } from './features/report/fieldValues';
import { FieldsSyncPlugin } from './features/report/FieldsSyncPlugin';
import { PagesPlugin } from './features/pages/PagesPlugin';
import { ReportPlugin } from './features/report/ReportPlugin';
import { useEditorOutline } from './features/report/useEditorOutline';
import { editorNodes } from './nodes';
import { PastePlugin } from './paste/PastePlugin';
import type { NoticeAction } from './paste/PastePlugin';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { EditorRefPlugin } from './plugins/EditorRefPlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { editorTheme } from './theme';
import { Toolbar } from './Toolbar';

/** Props of DocumentEditor. */
export interface DocumentEditorProps {
  docId: string;
  /** Serialized initial editor state (see content.ts prepareContent). */
  initialJson: string;
  queue: AutosaveQueue;
  /** Rendered at the top of the page (the title field). */
  title: ReactNode;
  /** The document's title as stored (the outline's completeness hint reads it). */
  docTitle: string;
  /** The document's fill-in field values. */
  fields: FieldValues;
  /** Labels and examples of fields, by name. */
  fieldInfo: Readonly<Record<string, TemplateField>>;
  outlineOpen: boolean;
  onOutlineOpen: (open: boolean) => void;
  /** The snippets features' client, notices and shared browsing state. */
  snippets: SnippetsEnv;
  /** The 常用语 panel is shown (in the outline's place). */
  snippetsOpen: boolean;
  onSnippetsOpen: (open: boolean) => void;
  /** Grows each time F3 asks for the panel's search box to take focus. */
  snippetsFocusRequest: number;
  onFieldChange: (name: string, value: string) => void;
  onFieldCommit: () => void;
  /** Rendered at the right end of the toolbar. */
  toolbarExtra?: ReactNode;
  /** Rendered between the toolbar and the page (save failure and conflict banners). */
  banner?: ReactNode;
  /** Page zoom factor (1 = 100%). */
  zoom: number;
  onWords: (words: number) => void;
  /** The format profile pages are counted with (GB/T 9704 when absent). */
  profile?: FormatProfile;
  /** Show "第 N 页" where each page of the export starts. */
  pageMarkers?: boolean;
  /** Receives the export's page count after edits (computed when typing pauses). */
  onPages?: (pages: number) => void;
  /** Shows a notice: a refusal, or (with an action) what a paste recognised and how to undo it. */
  onNotice: (message: string, action?: NoticeAction) => void;
  /** Recognises pasted text as a report (paste into an empty document); absent = plain pastes only. */
  onRecognisePaste?: (text: string) => Promise<ImportPreview>;
  onEditor: (editor: LexicalEditor | null) => void;
  onError: (error: Error) => void;
}

/**
 * The editor page for one document. Memoised: the workspace re-renders on every save-state change
 * (each keystroke marks the document unsaved), and that must not re-render the page and outline.
 */
export const DocumentEditor = memo(function DocumentEditor(props: DocumentEditorProps): JSX.Element {
  const { docId, initialJson, queue, title, docTitle, toolbarExtra, banner, zoom, onWords, onNotice, onRecognisePaste, onEditor, onError, fields, outlineOpen, onOutlineOpen, snippets, snippetsOpen, onSnippetsOpen } = props;
  const { profile = GBT9704_PROFILE, pageMarkers = true, onPages = ignorePages } = props;
  // Created once per mount: LexicalComposer reads its config only on the first render.
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `wengao-${docId}`,
      nodes: [...editorNodes],
      theme: editorTheme,
      editorState: initialJson,
      onError: (error: Error) => onError(error),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [],
  );
  const [focusField, setFocusField] = useState<string | null>(null);
  const fieldsContext = useMemo<FieldsContextValue>(
    () => ({
      values: fields,
      onEditField: (name) => {
        onOutlineOpen(true);
        setFocusField(name);
      },
    }),
    [fields, onOutlineOpen],
  );

  return (
    <FieldsContext.Provider value={fieldsContext}>
      <LexicalComposer initialConfig={initialConfig}>
        <SnippetsProvider env={snippets} fields={fields} fieldInfo={props.fieldInfo} tracking={snippetsOpen}>
          <div className="editor-shell">
            <div className="editor-area">
              <Toolbar>
                {toolbarExtra}
                <button
                  type="button"
                  className="tb-btn tb-snippets-toggle"
                  aria-pressed={snippetsOpen}
                  data-testid="snippets-toggle"
                  title={`${snippetsOpen ? '隐藏' : '显示'}常用语：按部分、主题浏览和搜索，插入到光标处（F3；正文中输入 // 加拼音首字母也可插入）`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onSnippetsOpen(!snippetsOpen)}
                >
                  常用语
                </button>
                <button
                  type="button"
                  className="tb-btn tb-outline-toggle"
                  aria-pressed={outlineOpen && !snippetsOpen}
                  title={`${outlineOpen && !snippetsOpen ? '隐藏' : '显示'}提纲：标题、各部分字数、填空（Ctrl+Alt+O）`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onOutlineOpen(!(outlineOpen && !snippetsOpen))}
                >
                  提纲
                </button>
              </Toolbar>
              {banner}
              <Desk zoom={zoom} title={title} />
            </div>
            {snippetsOpen ? (
              <SnippetsPanel fields={fields} focusRequest={props.snippetsFocusRequest} onClose={() => onSnippetsOpen(false)} />
            ) : outlineOpen ? (
              <OutlineArea {...props} focusField={focusField} onFocusFieldDone={() => setFocusField(null)} />
            ) : null}
          </div>
          <SnippetTypeahead />
        </SnippetsProvider>
        <HistoryPlugin />
        <ShortcutsPlugin />
        <ReportPlugin />
        <FieldsSyncPlugin values={fields} />
        <PastePlugin onNotice={onNotice} documentTitle={docTitle} {...(onRecognisePaste ? { recognise: onRecognisePaste } : {})} />
        <AutosavePlugin docId={docId} queue={queue} onWords={onWords} />
        <PagesPlugin profile={profile} title={docTitle} fields={fields} showMarkers={pageMarkers} onPages={onPages} />
        <EditorRefPlugin onEditor={onEditor} />
      </LexicalComposer>
    </FieldsContext.Provider>
  );
});

/** The default page-count receiver: nobody listens. */
function ignorePages(): void {}

/** The outline panel with the live outline of this editor. */
function OutlineArea(props: DocumentEditorProps & { focusField: string | null; onFocusFieldDone: () => void }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const { outline, withNextOutline } = useEditorOutline(editor, props.docTitle, props.fields, true);
  return (
    <OutlinePanel
      outline={outline}
      withNextOutline={withNextOutline}
      fields={props.fields}
      fieldInfo={props.fieldInfo}
      focusField={props.focusField}
      onFocusFieldDone={props.onFocusFieldDone}
      onFieldChange={props.onFieldChange}
      onFieldCommit={props.onFieldCommit}
      onClose={() => props.onOutlineOpen(false)}
    />
  );
}

function Desk({ zoom, title }: { zoom: number; title: ReactNode }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  // Clicks on the page's margins or below the text put the caret into the text, as in Word.
  const onPageMouseDown = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      const target = event.target as HTMLElement;
      if (target.classList.contains('page') || target.classList.contains('page-body')) {
        event.preventDefault();
        editor.focus(undefined, { defaultSelection: 'rootEnd' });
      }
    },
    [editor],
  );
  return (
    <div className="desk" data-testid="desk">
      <div className="page" style={{ zoom }} onMouseDown={onPageMouseDown} data-testid="page">
        {title}
        <div className="page-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-body"
                aria-label="正文"
                data-testid="editor"
                spellCheck={false}
                aria-placeholder="在此输入正文，或从 Word、WPS 粘贴"
                placeholder={<div className="editor-placeholder">在此输入正文，或从 Word、WPS 粘贴</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
      </div>
    </div>
  );
}
