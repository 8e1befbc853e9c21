// The main screen: library on the left, one document's editor in the centre, status bar below.
// Owns the autosave queue and every document action (open, new, rename, trash, restore, delete),
// so menu commands, shortcuts and buttons all run the same code.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { JSX } from 'react';
import { $getRoot } from 'lexical';
import type { LexicalEditor } from 'lexical';
import type { DocumentMeta, EventPayload, MethodOutput, TemplateSummary } from '@common/contract';
import type { FieldValues } from '@common/reportModel';
import type { TemplateField } from '@common/templates';
import { isAppError } from '@common/errors';
import type { Api } from './api/client';
import { errorMessage, failureMessage } from './api/errors';
import { AutosaveQueue } from './editor/autosave';
import { contentHasText, prepareContent } from './editor/content';
import { DocumentEditor } from './editor/DocumentEditor';
import { $firstWritingPoint } from './editor/features/report/structure';
import { displayTitle } from './lib/format';
import { LibraryPanel } from './panels/LibraryPanel';
import { SHIFT_LEVEL_COMMAND } from './editor/commands';
import { ImportDialog } from './panels/importing/ImportDialog';
import { ExportDialog } from './panels/exporting/ExportDialog';
import { PdfExportDialog } from './panels/exporting/PdfExportDialog';
import { GBT9704_PROFILE } from '@common/formatProfile';
import type { FormatProfile } from '@common/formatProfile';
import { availableProfileId, rememberedProfileId } from './panels/profiles/profileChoice';
import { pagesTitle } from './editor/features/pages/pageLayout';
import { ProfilesDialog } from './panels/profiles/ProfilesDialog';
import { NewDocumentDialog } from './panels/NewDocumentDialog';
import { SAVE_AS_SNIPPET_COMMAND } from './panels/snippets/SnippetsProvider';
import { SnippetsSession } from './panels/snippets/snippetsSession';
import type { SnippetsEnv } from './panels/snippets/snippetsSession';
import type { NewDocumentRequest } from './panels/NewDocumentDialog';
import type { LibraryView, SearchState } from './panels/LibraryPanel';
import { StatusBar } from './panels/StatusBar';
import { TitleField } from './panels/TitleField';
import { ConfirmDialog, Dialog } from './ui/Dialog';
import { DocIcon, PlusIcon, WarnIcon } from './ui/icons';
import { Toasts, useToasts } from './ui/Toasts';

/** What app.info answered. */
export type AppInfo = MethodOutput<'app.info'>;

/** The document shown in the editor. */
interface Current {
  meta: DocumentMeta;
  /** Serialized initial editor state. */
  json: string;
  /** Changes on every (re)load: part of the editor's key, so a reload remounts it. */
  loadKey: number;
  /** Focus the title (new document, F2) rather than the text. */
  focusTitle: boolean;
  /** The document's fill-in field values, as shown (saved through documents.setFields). */
  fields: FieldValues;
}

type DialogState =
  | { kind: 'deleteForever'; doc: DocumentMeta }
  | { kind: 'about' }
  | { kind: 'newDocument' }
  | { kind: 'import'; text: string | null }
  | { kind: 'export'; docId: string }
  | { kind: 'exportPdf'; docId: string }
  | { kind: 'profiles' }
  | { kind: 'dataFolder' };

const LAST_DOC_KEY = 'wengao.lastDoc';
const OUTLINE_KEY = 'wengao.outline';
const PAGE_MARKERS_KEY = 'wengao.pageMarkers';
const SNIPPETS_KEY = 'wengao.snippets';
/** Quiet time after typing a field value before it is stored, in ms. */
const FIELD_SAVE_DELAY_MS = 500;
const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

function byRecent(a: DocumentMeta, b: DocumentMeta): number {
  return b.updatedAt - a.updatedAt;
}

function upsert(list: DocumentMeta[] | null, meta: DocumentMeta): DocumentMeta[] | null {
  if (!list) return list;
  return [meta, ...list.filter((d) => d.id !== meta.id)].sort(byRecent);
}

/** A remembered value, or null when there is none or storage is unavailable. */
function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

const readLastDoc = (): string | null => readStored(LAST_DOC_KEY);

/** Reads a remembered on/off setting: on unless it was stored as offValue (on when storage is unavailable). */
function readSetting(key: string, offValue: string): boolean {
  return readStored(key) !== offValue;
}

/** Remembers an on/off setting as one of two words. */
function writeSetting(key: string, on: boolean, onValue: string, offValue: string): void {
  try {
    localStorage.setItem(key, on ? onValue : offValue);
  } catch {
    // Only the remembered setting is lost.
  }
}

/** Remembers whether a side panel is open. */
function writePanelOpen(key: string, open: boolean): void {
  writeSetting(key, open, 'open', 'closed');
}

const readOutlineOpen = (): boolean => readSetting(OUTLINE_KEY, 'closed');
const writeOutlineOpen = (open: boolean): void => writePanelOpen(OUTLINE_KEY, open);
/** Whether the "第 N 页" markers are shown (on unless the user hid them). */
const readPageMarkers = (): boolean => readSetting(PAGE_MARKERS_KEY, 'hidden');
const writePageMarkers = (show: boolean): void => writeSetting(PAGE_MARKERS_KEY, show, 'shown', 'hidden');
/** The snippets panel starts closed unless it was left open. */
const readSnippetsOpen = (): boolean => readStored(SNIPPETS_KEY) === 'open';

function writeLastDoc(id: string | null): void {
  try {
    if (id) localStorage.setItem(LAST_DOC_KEY, id);
    else localStorage.removeItem(LAST_DOC_KEY);
  } catch {
    // Storage may be unavailable; only the "reopen last document" convenience is lost.
  }
}

/** Props of Workspace. */
export interface WorkspaceProps {
  api: Api;
  info: AppInfo;
  /** Called when a call answers DB_CORRUPT: the app shows the recovery screen. */
  onCorrupt: () => void;
}

/** The main screen. */
export function Workspace({ api, info, onCorrupt }: WorkspaceProps): JSX.Element {
  const { client } = api;
  const [toasts, toast] = useToasts();
  const [docs, setDocs] = useState<DocumentMeta[] | null>(null);
  const [trash, setTrash] = useState<DocumentMeta[] | null>(null);
  const [view, setView] = useState<LibraryView>('library');
  const [current, setCurrent] = useState<Current | null>(null);
  const [words, setWords] = useState(0);
  const [pages, setPages] = useState<number | null>(null);
  const [pageMarkers, setPageMarkers] = useState(readPageMarkers);
  /** The format profile exports use (the one last chosen in the export dialog): pages are counted and PDFs laid out with it. */
  const [profile, setProfile] = useState<FormatProfile>(GBT9704_PROFILE);
  const [zoom, setZoom] = useState(1);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<SearchState | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [booted, setBooted] = useState(false);
  const [outlineOpen, setOutlineOpen] = useState(readOutlineOpen);
  const [snippetsOpen, setSnippetsOpen] = useState(readSnippetsOpen);
  const [snippetsFocusRequest, setSnippetsFocusRequest] = useState(0);
  const [snippetsSession] = useState(() => new SnippetsSession());
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [templatesError, setTemplatesError] = useState<string | null>(null);
  /** Field values typed but not yet stored: document id → the changed names' values. */
  const pendingFields = useRef<{ id: string; fields: FieldValues; timer: ReturnType<typeof setTimeout> | undefined } | null>(null);

  const searchRef = useRef<HTMLInputElement>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const currentIdRef = useRef<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const focusBodyOnMount = useRef(false);
  const focusWritingOnMount = useRef(false);
  const loadSeq = useRef(0);
  const docsRef = useRef<DocumentMeta[] | null>(null);
  useEffect(() => {
    docsRef.current = docs;
  }, [docs]);

  const [queue] = useState(
    () =>
      new AutosaveQueue({
        save: (request) => client.call('documents.save', request),
        // State setters are stable, so this closure never goes stale.
        onSaved: (meta) => {
          setDocs((list) => upsert(list, meta));
          setCurrent((cur) => (cur && cur.meta.id === meta.id ? { ...cur, meta: { ...cur.meta, ...meta } } : cur));
        },
      }),
  );
  const subscribe = useCallback((listener: () => void) => queue.subscribe(listener), [queue]);
  useSyncExternalStore(subscribe, () => queue.getVersion());
  const saveState = current ? queue.stateOf(current.meta.id) : null;
  const unsavedIds = new Set(queue.unsavedIds());
  const otherUnsaved = [...unsavedIds].filter((id) => id !== current?.meta.id).length;

  /** Shows a failure; a corrupt database switches to the recovery screen. */
  const report = useCallback(
    (error: unknown, prefix?: string) => {
      if (isAppError(error) && error.code === 'DB_CORRUPT') {
        // The recovery screen replaces this window; never while typed text is still unsaved here.
        if (!queue.hasUnsaved()) {
          onCorrupt();
          return;
        }
        toast.error('文稿数据库出现损坏。您尚未保存的文字仍在编辑器中，请先把它复制到别处，再重新启动文稿进行恢复。');
        return;
      }
      toast.error(prefix ? `${prefix}：${errorMessage(error)}` : errorMessage(error));
    },
    [onCorrupt, queue, toast],
  );

  /** Runs document switches one after another, never two at once. */
  const enqueue = useCallback((task: () => Promise<void>): Promise<void> => {
    const next = chain.current.then(task, task);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  /** Stores field values typed but not yet saved (documents.setFields does not touch the content). */
  const flushFields = useCallback(async (): Promise<void> => {
    const pending = pendingFields.current;
    if (!pending) return;
    pendingFields.current = null;
    clearTimeout(pending.timer);
    try {
      const meta = await client.call('documents.setFields', { id: pending.id, fields: pending.fields });
      const { fields: _stored, ...rest } = meta;
      setDocs((list) => (list ? list.map((d) => (d.id === rest.id ? { ...d, ...rest } : d)) : list));
      // The title may have had {{fields}} filled in; the values shown stay as typed.
      setCurrent((cur) => (cur && cur.meta.id === rest.id ? { ...cur, meta: { ...cur.meta, ...rest, revision: cur.meta.revision } } : cur));
    } catch (error) {
      report(error, '填空保存失败');
    }
  }, [client, report]);

  /** Ends editing of the current document: commits an IME composition, then flushes its save. */
  const leaveCurrent = useCallback(async (): Promise<void> => {
    const id = currentIdRef.current;
    const root = editorRef.current?.getRootElement();
    if (root && root.contains(document.activeElement)) {
      root.blur();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await flushFields();
    if (id) await queue.flush(id);
  }, [flushFields, queue]);

  /** Saves everything pending for the current document without leaving it (before an export). */
  const leaveCurrentSaves = useCallback(async (): Promise<void> => {
    const id = currentIdRef.current;
    await flushFields();
    if (id) await queue.flush(id);
  }, [flushFields, queue]);

  /** Shows a loaded document in a fresh editor instance. */
  const show = useCallback(
    (doc: MethodOutput<'documents.get'>, focus: 'title' | 'body' | 'writing' | 'none') => {
      const { content, fields, ...meta } = doc;
      const unsaved = queue.unsavedContent(doc.id);
      queue.open(doc.id, { revision: doc.revision, hasText: contentHasText(content) });
      const prepared = prepareContent(unsaved ?? content);
      if (prepared.simplified) toast.show('这篇文稿含有编辑器暂不支持的格式，已按普通段落显示，文字没有丢失。');
      if (unsaved) toast.show('这篇文稿有尚未保存的修改，已显示修改后的内容，程序会继续尝试保存。');
      loadSeq.current += 1;
      currentIdRef.current = doc.id;
      setPages(null);
      focusBodyOnMount.current = focus === 'body' || focus === 'writing';
      focusWritingOnMount.current = focus === 'writing';
      setCurrent({ meta, json: prepared.json, loadKey: loadSeq.current, focusTitle: focus === 'title', fields: fields ?? {} });
      writeLastDoc(doc.id);
    },
    [queue, toast],
  );

  const closeCurrent = useCallback(() => {
    currentIdRef.current = null;
    setCurrent(null);
    writeLastDoc(null);
  }, []);

  /** Opens a document (after the current one is flushed). */
  const openDoc = useCallback(
    (id: string, options: { focus?: 'title' | 'body' | 'none'; reload?: boolean } = {}) =>
      enqueue(async () => {
        if (!options.reload && currentIdRef.current === id) return;
        await leaveCurrent();
        try {
          const doc = await client.call('documents.get', { id });
          show(doc, options.focus ?? 'none');
        } catch (error) {
          report(error, '打开失败');
        }
      }),
    [client, enqueue, leaveCurrent, report, show],
  );

  const refreshLists = useCallback(async () => {
    try {
      const [live, trashed] = await Promise.all([client.call('documents.list', { trashed: false }), client.call('documents.list', { trashed: true })]);
      setDocs([...live].sort(byRecent));
      setTrash([...trashed].sort((a, b) => (b.trashedAt ?? 0) - (a.trashedAt ?? 0)));
      return live;
    } catch (error) {
      report(error, '读取文稿列表失败');
      return null;
    }
  }, [client, report]);

  // Start: load the lists and reopen the last document (or the most recent one).
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const live = await refreshLists();
      if (cancelled || !live) return;
      setBooted(true);
      // Field labels and the 新建 dialog need the templates; a failure shows in the dialog later.
      client.call('templates.list', {}).then(
        (list) => !cancelled && setTemplates(list),
        () => undefined,
      );
      const last = readLastDoc();
      const target = live.find((d) => d.id === last) ?? [...live].sort(byRecent)[0];
      if (target) await openDoc(target.id);
    })();
    return () => {
      cancelled = true;
    };
  }, [client, refreshLists, openDoc]);

  // The window title names the document (taskbar, window switcher).
  const windowTitle = current ? `${displayTitle(current.meta.title)} - 文稿` : '文稿';
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);

  // Relative times in the list stay fresh.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const newDocument = useCallback(
    (request: NewDocumentRequest = { kind: 'blank' }) =>
      enqueue(async () => {
        await leaveCurrent();
        try {
          const doc = await client.call('documents.create', request.kind === 'template' ? { templateId: request.templateId, fields: request.fields } : {});
          const { content: _content, fields: _fields, ...meta } = doc;
          setDocs((list) => upsert(list ?? [], meta));
          setView('library');
          setQuery('');
          show(doc, request.kind === 'template' ? 'writing' : 'title');
        } catch (error) {
          report(error, '新建失败');
        }
      }),
    [client, enqueue, leaveCurrent, report, show],
  );

  /** Opens the 新建文稿 dialog (blank or from a template); loads the templates on first use. */
  const openNewDialog = useCallback(() => {
    setDialog({ kind: 'newDocument' });
    if (templates === null) {
      setTemplatesError(null);
      client.call('templates.list', {}).then(setTemplates, (error: unknown) => setTemplatesError(errorMessage(error)));
    }
  }, [client, templates]);

  /** Labels and examples of fill-in fields by name, from the templates (first definition wins). */
  const fieldInfo = useMemo(() => {
    const out: Record<string, TemplateField> = {};
    for (const t of templates ?? []) for (const f of t.fields) out[f.name] ??= f;
    return out;
  }, [templates]);

  const changeField = useCallback(
    (name: string, value: string) => {
      const id = currentIdRef.current;
      if (!id) return;
      setCurrent((cur) => (cur && cur.meta.id === id ? { ...cur, fields: { ...cur.fields, [name]: value } } : cur));
      const pending = pendingFields.current?.id === id ? pendingFields.current : null;
      if (!pending && pendingFields.current) void flushFields();
      const next = { id, fields: { ...pending?.fields, [name]: value }, timer: undefined as ReturnType<typeof setTimeout> | undefined };
      clearTimeout(pending?.timer);
      next.timer = setTimeout(() => void flushFields(), FIELD_SAVE_DELAY_MS);
      pendingFields.current = next;
    },
    [flushFields],
  );

  // The chosen profile, read at start and whenever a dialog closes (the export dialog and 版式设置
  // change it); kept as the same object while its values are the same, so pages are not recounted.
  useEffect(() => {
    if (dialog) return;
    let cancelled = false;
    client.call('profiles.list', {}).then(
      (list) => {
        const chosen = list.find((p) => p.id === availableProfileId(list, rememberedProfileId()))?.profile ?? GBT9704_PROFILE;
        if (!cancelled) setProfile((current) => (JSON.stringify(current) === JSON.stringify(chosen) ? current : chosen));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client, dialog]);

  /** Closes an export dialog with its outcome as a toast. */
  const finishExport = useCallback(
    (message: string | null) => {
      setDialog(null);
      if (message) toast.show(message);
    },
    [toast],
  );

  const togglePageMarkers = useCallback(() => {
    setPageMarkers((show) => {
      writePageMarkers(!show);
      return !show;
    });
  }, []);

  /** Shows or hides the 常用语 panel (it takes the outline's place while shown). */
  const toggleSnippets = useCallback((open: boolean, focus = open) => {
    setSnippetsOpen(open);
    writePanelOpen(SNIPPETS_KEY, open);
    if (focus) setSnippetsFocusRequest((n) => n + 1);
    else if (!open) editorRef.current?.focus();
  }, []);

  const toggleOutline = useCallback(
    (open: boolean) => {
      setOutlineOpen(open);
      writeOutlineOpen(open);
      if (open) {
        setSnippetsOpen(false);
        writePanelOpen(SNIPPETS_KEY, false);
      }
    },
    [],
  );

  const snippetsEnv = useMemo<SnippetsEnv>(
    () => ({
      client,
      nativeSave: api.kind === 'ipc',
      session: snippetsSession,
      notify: (message, kind) => (kind === 'error' ? toast.error(message) : toast.show(message, kind ? { kind } : {})),
    }),
    [api.kind, client, snippetsSession, toast],
  );

  const rename = useCallback(
    async (id: string, title: string) => {
      setRenamingId(null);
      const clean = title.replace(/[\r\n\t]+/g, ' ').trim();
      try {
        const meta = await queue.runExclusive(id, () => client.call('documents.rename', { id, title: clean }), (m) => m.revision);
        setDocs((list) => (list ? list.map((d) => (d.id === id ? { ...d, ...meta } : d)) : list));
        setCurrent((cur) => (cur && cur.meta.id === id ? { ...cur, meta: { ...cur.meta, title: meta.title } } : cur));
      } catch (error) {
        report(error, '重命名失败');
      }
    },
    [client, queue, report],
  );

  const restore = useCallback(
    async (id: string, reopen = false) => {
      try {
        const meta = await client.call('documents.restore', { id });
        setTrash((list) => (list ? list.filter((d) => d.id !== id) : list));
        setDocs((list) => upsert(list ?? [], meta));
        toast.show(`已还原“${displayTitle(meta.title)}”`, { kind: 'success' });
        if (reopen) {
          setView('library');
          await openDoc(id);
        }
      } catch (error) {
        report(error, '还原失败');
      }
    },
    [client, openDoc, report, toast],
  );

  const trashDoc = useCallback(
    (id: string) =>
      enqueue(async () => {
        const wasCurrent = currentIdRef.current === id;
        if (wasCurrent) await leaveCurrent();
        try {
          const meta = await client.call('documents.trash', { id });
          const list = docsRef.current ?? [];
          const index = list.findIndex((d) => d.id === id);
          const rest = list.filter((d) => d.id !== id);
          const neighbour = rest[Math.min(Math.max(index, 0), rest.length - 1)];
          setDocs((docsNow) => (docsNow ? docsNow.filter((d) => d.id !== id) : docsNow));
          setTrash((trashNow) => [meta, ...(trashNow ?? []).filter((d) => d.id !== id)]);
          toast.show(`已将“${displayTitle(meta.title)}”移到回收站`, { action: { label: '撤销', run: () => void restore(id, wasCurrent) } });
          if (wasCurrent) {
            closeCurrent();
            if (neighbour) {
              const doc = await client.call('documents.get', { id: neighbour.id });
              show(doc, 'none');
            }
          }
        } catch (error) {
          report(error, '移到回收站失败');
        }
      }),
    [client, closeCurrent, enqueue, leaveCurrent, report, restore, show, toast],
  );

  const deleteForever = useCallback(
    async (doc: DocumentMeta) => {
      setDialog(null);
      try {
        await client.call('documents.deleteForever', { id: doc.id });
        queue.forget(doc.id);
        setTrash((list) => (list ? list.filter((d) => d.id !== doc.id) : list));
        toast.show(`已永久删除“${displayTitle(doc.title)}”`);
      } catch (error) {
        report(error, '永久删除失败');
      }
    },
    [client, queue, report, toast],
  );

  const saveNow = useCallback(async () => {
    const id = currentIdRef.current;
    if (!id) return;
    const ok = await queue.flush(id);
    if (ok) toast.show('已保存', { kind: 'success', durationMs: 1500 });
  }, [queue, toast]);

  const retry = useCallback(() => {
    void queue.retry();
  }, [queue]);

  const keepMine = useCallback(async () => {
    const id = currentIdRef.current;
    if (!id) return;
    if (await queue.keepMine(id)) toast.show('已用您的版本覆盖保存的版本', { kind: 'success' });
  }, [queue, toast]);

  const loadSaved = useCallback(async () => {
    const id = currentIdRef.current;
    if (!id) return;
    queue.discard(id);
    await openDoc(id, { reload: true });
  }, [openDoc, queue]);

  const focusTitle = useCallback(() => {
    const el = document.querySelector<HTMLTextAreaElement>('[data-testid="title"]');
    el?.focus();
    el?.select();
  }, []);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const openDataFolder = useCallback(async () => {
    if (api.kind === 'ipc') {
      try {
        await client.call('shell.openDataFolder', {});
        return;
      } catch {
        // Fall through to showing the path.
      }
    }
    setDialog({ kind: 'dataFolder' });
  }, [api.kind, client]);

  const zoomBy = useCallback((direction: 1 | -1 | 0) => {
    setZoom((z) => {
      if (direction === 0) return 1;
      const index = ZOOM_STEPS.findIndex((s) => s >= z - 0.001);
      const next = ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, (index < 0 ? ZOOM_STEPS.length - 1 : index) + direction))];
      return next ?? z;
    });
  }, []);

  /** Menu commands (Electron) and shortcuts run the same actions. */
  const runCommand = useEffectEvent((command: EventPayload<'app.didRequestCommand'>['command'] | 'newFromTemplate' | 'toggleOutline') => {
    switch (command) {
      case 'newDocument':
        void newDocument();
        break;
      case 'newFromTemplate':
        openNewDialog();
        break;
      case 'importDocument':
        setDialog({ kind: 'import', text: null });
        break;
      case 'pasteStructured':
        setDialog({ kind: 'import', text: '' });
        break;
      case 'exportDocx':
        if (currentIdRef.current) setDialog({ kind: 'export', docId: currentIdRef.current });
        else toast.show('请先打开要导出的文稿。');
        break;
      case 'exportPdf':
        if (currentIdRef.current) setDialog({ kind: 'exportPdf', docId: currentIdRef.current });
        else toast.show('请先打开要导出为 PDF 的文稿。');
        break;
      case 'togglePageMarkers':
        togglePageMarkers();
        break;
      case 'formatProfiles':
        setDialog({ kind: 'profiles' });
        break;
      case 'promoteHeading':
        editorRef.current?.dispatchCommand(SHIFT_LEVEL_COMMAND, -1);
        break;
      case 'demoteHeading':
        editorRef.current?.dispatchCommand(SHIFT_LEVEL_COMMAND, 1);
        break;
      case 'toggleOutline':
        toggleOutline(!(outlineOpen && !snippetsOpen));
        break;
      case 'toggleSnippets': {
        // F3: open and search; pressed again from the panel, close and go back to the text.
        const inPanel = document.activeElement?.closest('[data-testid="snippets-panel"]');
        if (!currentIdRef.current) toast.show('请先打开一篇文稿，常用语会插入到光标处。');
        else if (!snippetsOpen) toggleSnippets(true);
        else if (inPanel) toggleSnippets(false);
        else toggleSnippets(true, true);
        break;
      }
      case 'saveAsSnippet':
        if (!editorRef.current) toast.show('请先打开文稿，并在正文中选中要存为常用语的文字。');
        else editorRef.current.dispatchCommand(SAVE_AS_SNIPPET_COMMAND, undefined);
        break;
      case 'saveNow':
        void saveNow();
        break;
      case 'find':
        focusSearch();
        break;
      case 'rename':
        if (currentIdRef.current) focusTitle();
        break;
      case 'trash':
        if (currentIdRef.current) void trashDoc(currentIdRef.current);
        break;
      case 'showLibrary':
        setView('library');
        setQuery('');
        break;
      case 'showTrash':
        setView('trash');
        setQuery('');
        break;
      case 'about':
        setDialog({ kind: 'about' });
        break;
      case 'zoomIn':
        zoomBy(1);
        break;
      case 'zoomOut':
        zoomBy(-1);
        break;
      case 'zoomReset':
        zoomBy(0);
        break;
    }
  });

  useEffect(() => api.on('app.didRequestCommand', ({ command }) => runCommand(command)), [api]);

  // The desktop shell is closing the window: commit any IME composition, save everything, then
  // tell the shell it may close (it waits a few seconds at most).
  const onWillQuit = useEffectEvent(async () => {
    api.setUnloading(true);
    await leaveCurrent();
    const saved = await queue.flushAll();
    if (!saved) console.error('closing with unsaved documents:', queue.unsavedIds().join(', '));
    try {
      await client.call('shell.readyToQuit', {});
    } catch {
      // The shell closes on its own after its timeout.
    }
  });
  useEffect(() => api.on('app.willQuit', () => void onWillQuit()), [api]);

  const onDocumentsChanged = useEffectEvent(() => void refreshLists());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('documents.didChange', () => {
      clearTimeout(timer);
      timer = setTimeout(() => onDocumentsChanged(), 300);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api]);

  // Word/WPS shortcuts that work everywhere in the window.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.isComposing) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey && !event.shiftKey && (key === 's' || event.code === 'KeyS')) {
        event.preventDefault();
        runCommand('saveNow');
      } else if (mod && !event.altKey && !event.shiftKey && (key === 'n' || event.code === 'KeyN')) {
        event.preventDefault();
        runCommand('newDocument');
      } else if (mod && event.altKey && !event.shiftKey && event.code === 'KeyN') {
        event.preventDefault();
        runCommand('newFromTemplate');
      } else if (mod && event.altKey && !event.shiftKey && event.code === 'KeyO') {
        event.preventDefault();
        runCommand('toggleOutline');
      } else if (mod && !event.altKey && !event.shiftKey && event.code === 'KeyO') {
        event.preventDefault();
        runCommand('importDocument');
      } else if (mod && !event.altKey && event.shiftKey && event.code === 'KeyE') {
        event.preventDefault();
        runCommand('exportDocx');
      } else if (mod && !event.altKey && event.shiftKey && event.code === 'KeyP') {
        event.preventDefault();
        runCommand('exportPdf');
      } else if (mod && !event.altKey && !event.shiftKey && (key === 'f' || event.code === 'KeyF')) {
        event.preventDefault();
        runCommand('find');
      } else if (event.key === 'F2' && !mod && !event.altKey) {
        event.preventDefault();
        runCommand('rename');
      } else if (event.key === 'F3' && !mod && !event.shiftKey) {
        event.preventDefault();
        runCommand(event.altKey ? 'saveAsSnippet' : 'toggleSnippets');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Leaving the page: send what is pending (keepalive over HTTP); warn in a browser tab when a
  // save has failed, since that text exists only in this page.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      api.setUnloading(true);
      void queue.flushAll();
      const failing = queue.unsavedIds().some((id) => ['error', 'conflict'].includes(queue.stateOf(id).status));
      if (api.kind === 'http' && failing) {
        event.preventDefault();
        event.returnValue = '';
      }
      setTimeout(() => api.setUnloading(false), 5000);
    };
    const onPageHide = (): void => {
      api.setUnloading(true);
      void queue.flushAll();
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') void queue.flushAll();
      else api.setUnloading(false);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [api, queue]);

  // Search as you type (debounced); answers to older queries are dropped.
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      client.call('documents.search', { query: q, limit: 50 }).then(
        (hits) => !cancelled && setSearch({ query: q, hits, error: null }),
        (error: unknown) => !cancelled && setSearch({ query: q, hits: [], error: errorMessage(error) }),
      );
    }, 180);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // docs: saved edits change what matches, so an open search runs again.
  }, [client, query, docs]);
  const shownSearch: SearchState | null = query.trim() ? (search?.query === query.trim() ? search : { query: query.trim(), hits: null, error: null }) : null;

  const onEditor = useCallback((editor: LexicalEditor | null) => {
    editorRef.current = editor;
    if (editor && focusBodyOnMount.current) {
      focusBodyOnMount.current = false;
      if (focusWritingOnMount.current) {
        // A report from a template: the caret goes where writing starts (the first empty section).
        focusWritingOnMount.current = false;
        // Focus first; once the browser has placed its caret (selectionchange), move it.
        editor.getRootElement()?.focus({ preventScroll: true });
        requestAnimationFrame(() =>
          editor.update(() => {
            const start = $firstWritingPoint();
            if (start) start.select();
            else $getRoot().selectStart();
          }),
        );
        return;
      }
      // A freshly opened document starts at its beginning, as in Word.
      editor.focus(undefined, { defaultSelection: 'rootStart' });
    }
  }, []);

  const onEditorError = useCallback((error: Error) => {
    console.error(error);
    toast.error('编辑器出现错误，您的文字仍在。请保存后重新打开这篇文稿。');
  }, [toast]);

  const focusBody = useCallback(() => editorRef.current?.focus(), []);
  const onEditorNotice = useCallback(
    (message: string, action?: { label: string; run: () => void }) => toast.show(message, action ? { action, durationMs: 12000 } : { kind: 'error' }),
    [toast],
  );
  const recognisePaste = useCallback((text: string) => client.call('import.recognise', { text, format: 'paste' }), [client]);
  const commitFields = useCallback(() => void flushFields(), [flushFields]);

  // The save banners (memoised so the editor re-renders only when they change).
  const saveStatus = saveState?.status;
  const saveError = saveState?.error ?? null;
  const banner = useMemo(
    () => (
      <>
        {saveStatus === 'error' ? (
          <div className="banner banner-error" role="alert" data-testid="save-error-banner">
            <WarnIcon className="banner-icon" />
            <span className="banner-text">
              保存失败：{saveError ? failureMessage(saveError) : ''}
              <strong>您的文字仍保留在编辑器中</strong>，程序会自动重试。
            </span>
            <button type="button" className="btn btn-small" onClick={retry}>
              重试
            </button>
          </div>
        ) : null}
        {saveStatus === 'conflict' ? (
          <div className="banner banner-warning" role="alert" data-testid="conflict-banner">
            <WarnIcon className="banner-icon" />
            <span className="banner-text">这篇文稿已在别处被修改。您的内容仍保留在编辑器中，请选择保留哪一份。</span>
            <button type="button" className="btn btn-small btn-primary" onClick={() => void keepMine()}>
              保留我的版本
            </button>
            <button type="button" className="btn btn-small" onClick={() => void loadSaved()}>
              载入已保存的版本
            </button>
          </div>
        ) : null}
      </>
    ),
    [saveStatus, saveError, retry, keepMine, loadSaved],
  );

  const modeLabel = api.kind === 'ipc' ? '桌面版' : '浏览器模式';
  const trashCandidate = dialog?.kind === 'deleteForever' ? dialog.doc : null;

  const titleField = useMemo(
    () =>
      current ? (
        <TitleField
          key={`${current.meta.id}:${current.loadKey}`}
          title={current.meta.title}
          autoFocus={current.focusTitle}
          onCommit={(title) => void rename(current.meta.id, title)}
          onDone={focusBody}
        />
      ) : null,
    [current, focusBody, rename],
  );

  return (
    <div className="app">
      <LibraryPanel
        view={view}
        onView={setView}
        docs={docs}
        trash={trash}
        currentId={current?.meta.id ?? null}
        unsavedIds={unsavedIds}
        query={query}
        onQuery={setQuery}
        search={shownSearch}
        searchRef={searchRef}
        renamingId={renamingId}
        onStartRename={setRenamingId}
        onRename={(id, title) => void rename(id, title)}
        onCancelRename={() => setRenamingId(null)}
        onOpen={(id) => void openDoc(id, { focus: 'body' })}
        onNew={openNewDialog}
        onImport={() => setDialog({ kind: 'import', text: null })}
        onTrash={(id) => void trashDoc(id)}
        onRestore={(id) => void restore(id)}
        onDeleteForever={(id) => {
          const doc = trash?.find((d) => d.id === id);
          if (doc) setDialog({ kind: 'deleteForever', doc });
        }}
        now={now}
      />
      <main className="main" aria-label="编辑区">
        {current ? (
          <>
            <DocumentEditor
              key={`${current.meta.id}:${current.loadKey}`}
              docId={current.meta.id}
              initialJson={current.json}
              toolbarExtra={
                <span className="toolbar-group" role="group" aria-label="导出">
                  <button type="button" className="tb-btn tb-export" data-testid="export-docx" title="按 GB/T 9704 版式导出为 Word（Ctrl+Shift+E）" onClick={() => setDialog({ kind: 'export', docId: current.meta.id })}>
                    <span className="tb-export-verb">导出 </span>Word
                  </button>
                  <button type="button" className="tb-btn tb-export" data-testid="export-pdf" title="按与 Word 导出相同的版式导出为 PDF（Ctrl+Shift+P）" onClick={() => setDialog({ kind: 'exportPdf', docId: current.meta.id })}>
                    <span className="tb-export-verb">导出 </span>PDF
                  </button>
                </span>
              }
              pageMarkers={pageMarkers}
              profile={profile}
              onPages={setPages}
              docTitle={current.meta.title}
              fields={current.fields}
              fieldInfo={fieldInfo}
              outlineOpen={outlineOpen}
              onOutlineOpen={toggleOutline}
              snippets={snippetsEnv}
              snippetsOpen={snippetsOpen}
              onSnippetsOpen={toggleSnippets}
              snippetsFocusRequest={snippetsFocusRequest}
              onFieldChange={changeField}
              onFieldCommit={commitFields}
              queue={queue}
              title={titleField}
              zoom={zoom}
              onWords={setWords}
              onNotice={onEditorNotice}
              onRecognisePaste={recognisePaste}
              onEditor={onEditor}
              onError={onEditorError}
              banner={banner}
            />
          </>
        ) : (
          <div className="no-doc">
            {booted ? (
              <div className="no-doc-card">
                <DocIcon width={40} height={40} className="empty-icon" />
                <p className="empty-title">{docs?.length ? '选择左侧的一篇文稿开始编辑' : '欢迎使用文稿'}</p>
                <p className="empty-text">{docs?.length ? '或者新建一篇。' : '新建第一篇文稿，页面按 GB/T 9704 公文格式排版：仿宋三号、每行 28 字、每页 22 行。'}</p>
                <button type="button" className="btn btn-primary" onClick={openNewDialog}>
                  <PlusIcon />
                  新建文稿
                </button>
                <dl className="shortcut-list">
                  <dt>Ctrl+N</dt>
                  <dd>新建空白文稿</dd>
                  <dt>Ctrl+Alt+N</dt>
                  <dd>从模板新建</dd>
                  <dt>Ctrl+F</dt>
                  <dd>搜索全文</dd>
                  <dt>F3 / Alt+F3</dt>
                  <dd>常用语 / 把选中的文字存为常用语</dd>
                  <dt>Ctrl+Alt+1/2/3/4</dt>
                  <dd>一级 一、/ 二级 （一）/ 三级 1./ 四级 （1）标题</dd>
                  <dt>Tab / Shift+Tab</dt>
                  <dd>在标题中降级 / 升级</dd>
                  <dt>Ctrl+S</dt>
                  <dd>立即保存（平时会自动保存）</dd>
                </dl>
              </div>
            ) : (
              <p className="list-note">正在载入…</p>
            )}
          </div>
        )}
      </main>
      <StatusBar
        words={current ? words : null}
        pages={current ? pages : null}
        pagesTitle={pagesTitle(profile)}
        pageMarkers={pageMarkers}
        onTogglePageMarkers={togglePageMarkers}
        save={saveState}
        otherUnsaved={otherUnsaved}
        zoom={zoom}
        version={info.version}
        modeLabel={modeLabel}
        onRetry={retry}
        onDataFolder={() => void openDataFolder()}
        onZoomReset={() => zoomBy(0)}
      />
      <Toasts toasts={toasts} api={toast} />
      {trashCandidate ? (
        <ConfirmDialog
          title="永久删除这篇文稿？"
          message={
            <p>
              “{displayTitle(trashCandidate.title)}”将被永久删除，<strong>无法恢复</strong>。
            </p>
          }
          confirmLabel="永久删除"
          danger
          onCancel={() => setDialog(null)}
          onConfirm={() => void deleteForever(trashCandidate)}
        />
      ) : null}
      {dialog?.kind === 'import' ? (
        <ImportDialog
          client={client}
          initialText={dialog.text}
          onClose={() => setDialog(null)}
          onImported={(ids) => {
            setDialog(null);
            void refreshLists();
            const first = ids[0];
            if (first) void openDoc(first, { focus: 'body' });
            if (ids.length) toast.show(ids.length === 1 ? '已导入 1 篇文稿' : `已导入 ${ids.length} 篇文稿`);
          }}
        />
      ) : null}
      {dialog?.kind === 'export' ? (
        <ExportDialog
          client={client}
          docId={dialog.docId}
          nativeSave={api.kind === 'ipc'}
          flush={leaveCurrentSaves}
          onDone={(message) => {
            setDialog(null);
            if (message) toast.show(message);
          }}
        />
      ) : null}
      {dialog?.kind === 'exportPdf' ? <PdfExportDialog client={client} docId={dialog.docId} nativeSave={api.kind === 'ipc'} flush={leaveCurrentSaves} profile={profile} onDone={finishExport} /> : null}
      {dialog?.kind === 'profiles' ? <ProfilesDialog client={client} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'newDocument' ? (
        <NewDocumentDialog
          templates={templates}
          error={templatesError}
          onClose={() => setDialog(null)}
          onCreate={(request) => {
            setDialog(null);
            void newDocument(request);
          }}
        />
      ) : null}
      {dialog?.kind === 'about' ? (
        <Dialog title="关于文稿" onClose={() => setDialog(null)} actions={<button type="button" className="btn btn-primary" onClick={() => setDialog(null)}>好</button>}>
          <p>文稿 {info.version}：离线的中文公文写作助手。</p>
          <p>文稿保存在本机，不联网。数据文件夹：</p>
          <p>
            <code className="path">{info.dataDir}</code>
          </p>
        </Dialog>
      ) : null}
      {dialog?.kind === 'dataFolder' ? (
        <Dialog
          title="数据文件夹"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  void navigator.clipboard?.writeText(info.dataDir).then(
                    () => toast.show('已复制路径', { kind: 'success', durationMs: 1500 }),
                    () => toast.error('无法复制，请手动选择路径后复制。'),
                  );
                }}
              >
                复制路径
              </button>
              <button type="button" className="btn btn-primary" onClick={() => setDialog(null)}>
                好
              </button>
            </>
          }
        >
          <p>{api.kind === 'ipc' ? '无法自动打开文件夹。' : '浏览器模式下无法直接打开文件夹。'}文稿的数据库和备份保存在：</p>
          <p>
            <code className="path" data-testid="data-dir">
              {info.dataDir}
            </code>
          </p>
          <p className="muted">备份和迁移时请复制整个文件夹；不要把它放在网盘同步目录中。</p>
        </Dialog>
      ) : null}
    </div>
  );
}
