// The snippets features inside one document's editor: inserting a snippet at the caret (asking
// for its fields first), the section the caret is in (for ranking and "当前：问题不足"), dropping a
// snippet dragged from the panel onto the page, 存为常用语 from the selection (Alt+F3, the menu, the
// editor's context menu), and editing, copying and deleting the writer's own snippets. The panel
// and the typeahead reach all of it through useSnippets().
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { JSX, ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  createCommand,
} from 'lexical';
import type { BaseSelection, LexicalCommand, LexicalEditor } from 'lexical';
import type { SnippetHit } from '@common/contract';
import type { FieldValues, SectionKind } from '@common/reportModel';
import type { TemplateField } from '@common/templates';
import { errorMessage } from '../../api/errors';
import { initialFieldValues, snippetParagraphs, titleFromText } from '../../editor/features/snippets/fill';
import { $insertSnippet, $sectionAtCaret, $selectionSnippetBody, snippetKindForSection } from '../../editor/features/snippets/snippetEditing';
import type { TriggerRange } from '../../editor/features/snippets/snippetEditing';
import { ConfirmDialog } from '../../ui/Dialog';
import { EditorContextMenu } from './EditorContextMenu';
import { FieldPromptDialog } from './FieldPromptDialog';
import { SnippetEditDialog } from './SnippetEditDialog';
import type { SnippetDraft } from './SnippetEditDialog';
import type { SnippetsEnv } from './snippetsSession';

/** Opens 存为常用语 for the editor's selection (the menu command and Alt+F3 dispatch it). */
export const SAVE_AS_SNIPPET_COMMAND: LexicalCommand<void> = createCommand('SAVE_AS_SNIPPET_COMMAND');

/** Data type of a snippet dragged from the panel (its id). */
export const SNIPPET_DRAG_TYPE = 'application/x-wengao-snippet';

/** Where the caret is, for ranking and the panel's "当前" line. */
export interface CaretSection {
  kind: SectionKind | null;
  inSection: boolean;
}

/** What the panel and the typeahead use. */
export interface SnippetsApi {
  env: SnippetsEnv;
  /** The caret's section (kept current while the panel is open). */
  section: CaretSection;
  /** Reads the caret's section now. */
  readSection(): CaretSection;
  /**
   * Takes the page's caret into the editor's state before focus leaves the page (F3 right after
   * an arrow key: the browser reports the caret's move only a moment later).
   */
  syncSelection(): void;
  /** Inserts a snippet at the caret (or over a typeahead trigger), asking for its fields first. */
  insert(hit: SnippetHit, trigger?: TriggerRange | null): void;
  /** Remembers the snippet being dragged from the panel (a drop on the page inserts it). */
  setDragged(hit: SnippetHit | null): void;
  /** Opens 存为常用语 for the selection. */
  saveSelection(): void;
  /** Opens the new-snippet dialog with empty text. */
  create(): void;
  /** Opens the edit dialog of one of the writer's own snippets. */
  edit(hit: SnippetHit): void;
  /** Opens 复制为我的常用语 (a default snippet as a new own one). */
  copyAsMine(hit: SnippetHit): void;
  /** Asks, then deletes one of the writer's own snippets. */
  remove(hit: SnippetHit): void;
  /** Sets or clears the star. */
  setFavorite(hit: SnippetHit, favorite: boolean): Promise<void>;
  /** Topics known to the library (for the edit dialog), set by the panel once it has them. */
  setTopics(topics: readonly string[]): void;
}

const SnippetsContext = createContext<SnippetsApi | null>(null);

/** The snippets API of the editor around; throws outside SnippetsProvider. */
export function useSnippets(): SnippetsApi {
  const api = useContext(SnippetsContext);
  if (!api) throw new Error('useSnippets outside SnippetsProvider');
  return api;
}

type DialogState =
  | { kind: 'fields'; hit: SnippetHit; trigger: TriggerRange | null; selection: BaseSelection | null }
  | { kind: 'edit'; heading: string; draft: SnippetDraft }
  | { kind: 'delete'; hit: SnippetHit };

/** Props of SnippetsProvider. */
export interface SnippetsProviderProps {
  env: SnippetsEnv;
  /** The document's field values (the prompt starts from them; chips show them). */
  fields: FieldValues;
  fieldInfo: Readonly<Record<string, TemplateField>>;
  /** True while the panel is open: the caret's section is tracked. */
  tracking: boolean;
  children: ReactNode;
}

const NO_SECTION: CaretSection = { kind: null, inSection: false };

const sameSection = (a: CaretSection, b: CaretSection): boolean => a.kind === b.kind && a.inSection === b.inSection;

/**
 * Takes the page's selection into the editor's state when it lies in the page: the browser reports
 * a caret move (an arrow key, Shift+Home) only a moment later, and a shortcut pressed right after
 * it must act on where the caret is now.
 */
function syncSelectionFromPage(editor: LexicalEditor): void {
  const dom = window.getSelection();
  const root = editor.getRootElement();
  if (!dom || !root || !dom.anchorNode || !root.contains(dom.anchorNode)) return;
  editor.update(
    () => {
      const at = $createRangeSelectionFromDom(dom, editor);
      if (at) $setSelection(at);
    },
    { discrete: true, tag: SKIP_DOM_SELECTION_TAG },
  );
}

/** Provides the snippets API and renders its dialogs and the editor's context menu. */
export function SnippetsProvider({ env, fields, fieldInfo, tracking, children }: SnippetsProviderProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const dragged = useRef<SnippetHit | null>(null);
  const [topics, setTopics] = useState<readonly string[]>([]);
  const fieldsRef = useRef(fields);
  useEffect(() => {
    fieldsRef.current = fields;
  }, [fields]);

  const readSection = useCallback((): CaretSection => editor.getEditorState().read(() => $sectionAtCaret()), [editor]);

  // The caret's section, read after every change while the panel shows it.
  const sectionCache = useRef<CaretSection>(NO_SECTION);
  const subscribeSection = useCallback((onChange: () => void) => (tracking ? editor.registerUpdateListener(onChange) : () => undefined), [editor, tracking]);
  const sectionSnapshot = useCallback((): CaretSection => {
    if (!tracking) return NO_SECTION;
    const next = readSection();
    if (!sameSection(sectionCache.current, next)) sectionCache.current = next;
    return sectionCache.current;
  }, [readSection, tracking]);
  const section = useSyncExternalStore(subscribeSection, sectionSnapshot);

  /** Puts the snippet in: one undo step, the caret after it, the editor focused; counts the use. */
  const put = useCallback(
    (hit: SnippetHit, values: Record<string, string>, trigger: TriggerRange | null, selection: BaseSelection | null) => {
      const paragraphs = snippetParagraphs(hit.body, values, fieldsRef.current);
      let inserted = false;
      editor.update(
        () => {
          // An update begun outside the editor may read the page's selection (in the panel, the
          // dialog): go back to where the caret was when the writer asked for the snippet.
          if (!trigger && selection) $setSelection(selection.clone());
          inserted = $insertSnippet(editor, paragraphs, trigger);
        },
        {
          tag: HISTORY_PUSH_TAG,
          discrete: true,
          onUpdate: () => editor.focus(),
        },
      );
      if (!inserted && !trigger) {
        env.notify('请先在正文中点一下，把光标放在要插入的位置。', 'error');
        return;
      }
      env.client.call('snippets.recordUse', { id: hit.id }).then(
        () => env.session.changed(),
        () => undefined, // Only the "最近使用" list misses this use.
      );
    },
    [editor, env],
  );

  const insert = useCallback(
    (hit: SnippetHit, trigger: TriggerRange | null = null) => {
      const selection = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
      if (hit.fields.length > 0) {
        setDialog({ kind: 'fields', hit, trigger, selection });
        return;
      }
      put(hit, {}, trigger, selection);
    },
    [editor, put],
  );

  const saveSelection = useCallback(() => {
    syncSelectionFromPage(editor);
    const { body, place } = editor.getEditorState().read(() => ({ body: $selectionSnippetBody(editor), place: $sectionAtCaret() }), { editor });
    if (body.length < 2) {
      env.notify('请先在正文中选中要存为常用语的文字（至少 2 个字）。', 'error');
      return;
    }
    setDialog({
      kind: 'edit',
      heading: '存为常用语',
      draft: { title: titleFromText(body), body: body.slice(0, 2000), kind: snippetKindForSection(place), topic: '综合', tags: [] },
    });
  }, [editor, env]);

  const api = useMemo<SnippetsApi>(
    () => ({
      env,
      section,
      readSection,
      syncSelection: () => syncSelectionFromPage(editor),
      insert,
      setDragged: (hit) => {
        dragged.current = hit;
      },
      saveSelection,
      create: () => {
        const place = readSection();
        setDialog({ kind: 'edit', heading: '新建常用语', draft: { title: '', body: '', kind: snippetKindForSection(place), topic: '综合', tags: [] } });
      },
      edit: (hit) => setDialog({ kind: 'edit', heading: '编辑常用语', draft: { id: hit.id, title: hit.title, body: hit.body, kind: hit.kind, topic: hit.topic, tags: hit.tags } }),
      copyAsMine: (hit) => setDialog({ kind: 'edit', heading: '复制为我的常用语', draft: { title: hit.title, body: hit.body, kind: hit.kind, topic: hit.topic, tags: hit.tags } }),
      remove: (hit) => setDialog({ kind: 'delete', hit }),
      setFavorite: async (hit, favorite) => {
        try {
          await env.client.call('snippets.setFavorite', { id: hit.id, favorite });
          env.session.changed();
        } catch (error) {
          env.notify(`${favorite ? '收藏' : '取消收藏'}失败：${errorMessage(error)}`, 'error');
        }
      },
      setTopics,
    }),
    [editor, env, section, readSection, insert, saveSelection],
  );

  // Alt+F3 and 编辑 → 存为常用语; a snippet dragged from the panel and dropped on the page.
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SAVE_AS_SNIPPET_COMMAND,
          () => {
            saveSelection();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!event.dataTransfer?.types.includes(SNIPPET_DRAG_TYPE)) return false;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const hit = dragged.current;
            if (!event.dataTransfer?.types.includes(SNIPPET_DRAG_TYPE) || !hit) return false;
            event.preventDefault();
            dragged.current = null;
            // The caret goes where the snippet was dropped.
            const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
            const dom = window.getSelection();
            if (range && dom && editor.getRootElement()?.contains(range.startContainer)) {
              dom.removeAllRanges();
              dom.addRange(range);
              const at = $createRangeSelectionFromDom(dom, editor);
              if (at) $setSelection(at);
            }
            const selection = $getSelection();
            const snapshot = $isRangeSelection(selection) ? selection.clone() : null;
            // Insert after this drop's update has finished (the snippet may need its fields first).
            setTimeout(() => {
              if (hit.fields.length > 0) setDialog({ kind: 'fields', hit, trigger: null, selection: snapshot });
              else put(hit, {}, null, snapshot);
            }, 0);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, put, saveSelection],
  );

  const close = (): void => setDialog(null);

  return (
    <SnippetsContext.Provider value={api}>
      {children}
      <EditorContextMenu onSaveAsSnippet={saveSelection} />
      {dialog?.kind === 'fields' ? (
        <FieldPromptDialog
          title={dialog.hit.title}
          names={dialog.hit.fields}
          initial={initialFieldValues(dialog.hit.body, fields)}
          info={fieldInfo}
          onCancel={() => {
            close();
            setTimeout(() => editor.focus(), 0);
          }}
          onInsert={(values) => {
            const { hit, trigger, selection } = dialog;
            close();
            // After the dialog has gone (and handed focus back), so the editor keeps the focus.
            setTimeout(() => put(hit, values, trigger, selection), 0);
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <SnippetEditDialog
          heading={dialog.heading}
          draft={dialog.draft}
          topics={topics}
          save={(input) => env.client.call('snippets.save', input)}
          onCancel={close}
          onSaved={(hit) => {
            close();
            env.session.changed();
            env.notify(dialog.draft.id ? `已保存“${hit.title}”` : `已存为常用语“${hit.title}”，可在常用语面板的“我的”中找到`, 'success');
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title="删除这条常用语？"
          message={<p>“{dialog.hit.title}”将从您的常用语中删除，已插入文稿的文字不受影响。</p>}
          confirmLabel="删除"
          danger
          onCancel={close}
          onConfirm={() => {
            const { hit } = dialog;
            close();
            env.client.call('snippets.delete', { id: hit.id }).then(
              () => {
                env.session.changed();
                env.notify(`已删除“${hit.title}”`);
              },
              (error: unknown) => env.notify(`删除失败：${errorMessage(error)}`, 'error'),
            );
          }}
        />
      ) : null}
    </SnippetsContext.Provider>
  );
}
