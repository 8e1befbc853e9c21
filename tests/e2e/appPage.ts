// Page object of the 文稿 window for the end-to-end specs: stable selectors (data-testid and
// Chinese accessible names), waits, and API checks through the harness (never only the UI).
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { documentParagraphs } from '../../main/common/documentModel';
import type { DocumentContent } from '../../main/common/documentModel';
import type { Served } from './harness';

/** A document as documents.get answers it (only what the specs read). */
export interface StoredDoc {
  id: string;
  title: string;
  revision: number;
  trashedAt: number | null;
  content: DocumentContent;
}

/** Polls until check returns a truthy value; throws with the last value after timeoutMs. */
export async function waitUntil<T>(what: string, check: () => Promise<T> | T, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`等待超时：${what}（最后一次：${String(last)}）`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts or updates an IME composition through the DevTools protocol, as a Chinese IME would. */
export async function compose(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
}

/** Calls a contract method through the harness and returns its value (throws on failure). */
export async function call<T>(served: Served, method: string, input: unknown = {}): Promise<T> {
  const result = await served.api(method, input);
  if (!result.ok) throw new Error(`${method} 失败：${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

/** A stored document, read through the API. */
export function getDoc(served: Served, id: string): Promise<StoredDoc> {
  return call<StoredDoc>(served, 'documents.get', { id });
}

/** A stored document's paragraphs. */
export async function storedParagraphs(served: Served, id: string): Promise<string[]> {
  return documentParagraphs((await getDoc(served, id)).content);
}

/** The 文稿 window. */
/**
 * In the page: true when the caret is collapsed at the end of the editor's text, both in the
 * page's selection and in the editor's own (Lexical keeps its editor on the root element).
 */
const CARET_AT_END = `(() => {
  const root = document.querySelector('[data-testid="editor"]');
  if (!root) return false;
  const atEnd = (node, offset) => {
    if (!root.contains(node)) return false;
    const after = document.createRange();
    after.setStart(node, offset);
    after.setEnd(root, root.childNodes.length);
    return after.toString() === '';
  };
  const selection = document.getSelection();
  if (!selection || !selection.isCollapsed || !selection.focusNode || !atEnd(selection.focusNode, selection.focusOffset)) return false;
  const editor = root.__lexicalEditor;
  const own = editor && editor.getEditorState()._selection;
  const point = own && own.focus;
  if (!point || !own.anchor || own.anchor.key !== point.key || own.anchor.offset !== point.offset) return false;
  const element = editor.getElementByKey(point.key);
  if (!element) return false;
  const node = point.type === 'text' ? element.firstChild || element : element;
  return atEnd(node, Math.min(point.offset, node.nodeType === 3 ? node.length : node.childNodes.length));
})()`;

export class AppPage {
  /** Bodies of every documents.save request this page sent, in order. */
  readonly saves: { id: string; text: string; body: string }[] = [];
  /** Uncaught page errors and console errors (CSP violations, React warnings). */
  readonly errors: string[] = [];

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly served: Served,
  ) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') this.errors.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/documents.save')) {
        const body = request.postData() ?? '';
        try {
          const input = JSON.parse(body) as { id: string; content: DocumentContent };
          this.saves.push({ id: input.id, text: documentParagraphs(input.content).join('\n'), body });
        } catch {
          this.saves.push({ id: '?', text: '', body });
        }
      }
    });
  }

  /** Opens the app from the harness URL (token in the fragment) in a fresh 1440x900 context. */
  static async open(browser: Browser, served: Served): Promise<AppPage> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    const page = await context.newPage();
    const app = new AppPage(page, context, served);
    await page.goto(served.url);
    await app.waitLoaded();
    return app;
  }

  /** Waits until the library has loaded (list or empty state shown). */
  async waitLoaded(): Promise<void> {
    await this.library.waitFor();
    await waitUntil('文稿列表载入完成', async () => (await this.page.getByText('正在载入…').count()) === 0);
  }

  /** Ids of the documents in the library list, top to bottom. */
  async listedIds(): Promise<string[]> {
    const ids = await this.docItems().evaluateAll((els) => els.map((el) => el.getAttribute('data-doc-id') ?? ''));
    return ids;
  }

  /** Closes the window's context; fails when the page logged errors (CSP, React, uncaught). */
  async close(options: { allowErrors?: RegExp } = {}): Promise<void> {
    await this.context.close();
    const unexpected = this.errors.filter((e) => !options.allowErrors?.test(e));
    if (unexpected.length) throw new Error(`页面报错：\n${unexpected.join('\n')}`);
  }

  get library(): Locator {
    return this.page.getByRole('complementary', { name: '文稿库' });
  }
  get editor(): Locator {
    return this.page.getByTestId('editor');
  }
  get title(): Locator {
    return this.page.getByTestId('title');
  }
  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }
  get wordCount(): Locator {
    return this.page.getByTestId('word-count');
  }
  get searchBox(): Locator {
    return this.page.getByLabel('搜索文稿');
  }
  docItem(id: string): Locator {
    return this.page.locator(`[data-testid="doc-item"][data-doc-id="${id}"]`);
  }
  docItems(): Locator {
    return this.page.getByTestId('doc-item');
  }
  toast(text: string | RegExp): Locator {
    return this.page.getByTestId('toast').filter({ hasText: text });
  }

  /** The id of the document shown in the editor (from the library's current item). */
  async currentId(): Promise<string> {
    return waitUntil('当前文稿', () => this.page.locator('li.doc-row.is-current').getAttribute('data-doc-id'));
  }

  /** Clicks 新建, picks 空白文稿 and waits until the new document's title field has focus; returns its id. */
  async newDocument(): Promise<string> {
    const before = new Set(await this.listedIds());
    await this.page.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.getByRole('option', { name: /空白文稿/ }).click();
    await this.page.getByTestId('create-document').click();
    const id = await waitUntil('新文稿出现在列表中并打开', async () => {
      const current = await this.page.locator('li.doc-row.is-current').getAttribute('data-doc-id', { timeout: 200 });
      return current && !before.has(current) ? current : null;
    });
    await waitUntil('标题获得焦点', () => this.title.evaluate((el) => el === el.ownerDocument.activeElement));
    return id;
  }

  /**
   * Clicks 新建, picks a template by name, fills the given fields in the dialog (by label) and
   * creates the document; returns its id once its editor is shown.
   */
  async newFromTemplate(name: string, fields: Record<string, string> = {}): Promise<string> {
    const before = new Set(await this.listedIds());
    await this.page.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.getByRole('option', { name: new RegExp(name) }).click();
    for (const [label, value] of Object.entries(fields)) await this.page.getByTestId('template-detail').getByLabel(label, { exact: true }).fill(value);
    await this.page.getByTestId('create-document').click();
    const id = await waitUntil('模板文稿出现在列表中并打开', async () => {
      const current = await this.page.locator('li.doc-row.is-current').getAttribute('data-doc-id', { timeout: 200 });
      return current && !before.has(current) ? current : null;
    });
    await this.editor.waitFor();
    // A document from a template opens with the caret at the start of its text.
    await waitUntil('正文获得焦点', () => this.editor.evaluate((el) => el === el.ownerDocument.activeElement));
    // The caret moves to where writing starts one frame after focus: let that land first.
    await this.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    return id;
  }

  /** The outline panel (opens it when closed). */
  async outline(): Promise<Locator> {
    const panel = this.page.getByTestId('outline');
    if (!(await panel.isVisible())) await this.page.getByRole('button', { name: '提纲', exact: true }).click();
    await panel.waitFor();
    return panel;
  }

  /** The outline's rows as "number text" (e.g. "一、主要工作"), top to bottom. */
  async outlineHeadings(): Promise<string[]> {
    const panel = await this.outline();
    return panel.getByTestId('outline-item').locator('.outline-jump').allInnerTexts().then((texts) => texts.map((t) => t.replace(/\s+/g, '')));
  }

  /** The headings on the page as "number text": the computed number (data-number) plus the heading text. */
  async pageHeadings(): Promise<string[]> {
    return this.editor.locator('[data-number]').evaluateAll((els) => els.map((h) => `${h.getAttribute('data-number') ?? ''}${(h.textContent ?? '').trim()}`));
  }

  /** Opens a document from the library list and waits until its editor is shown. */
  async openDoc(id: string): Promise<void> {
    await this.docItem(id).locator('button.doc-item').click();
    await waitUntil('文稿打开', async () => (await this.currentId()) === id);
    await this.editor.waitFor();
  }

  /**
   * Puts the caret at the end of the text, as a writer would: click, Ctrl+End, and look that the
   * caret is there, on the page and in the editor's own selection (the editor restores its
   * selection when it regains focus, so under load the first Ctrl+End can land before that and be
   * undone; and it takes the page's caret from a selectionchange event that can come after the
   * next key's keydown, which would then act at the old place).
   */
  async focusEnd(): Promise<void> {
    await this.editor.click();
    await waitUntil('光标在文末', async () => {
      await this.page.keyboard.press('Control+End');
      return this.page.evaluate(CARET_AT_END) as Promise<boolean>;
    });
  }

  /** The editor's visible paragraphs. */
  async editorParagraphs(): Promise<string[]> {
    return this.editor.locator(':scope > *').allInnerTexts();
  }

  /** Waits until the status bar says 已保存. */
  async waitSaved(timeoutMs = 10_000): Promise<void> {
    await waitUntil('状态栏显示“已保存”', async () => (await this.saveStatus.innerText()).trim() === '已保存', timeoutMs);
  }

  /** Dispatches a paste of the given clipboard data on the editor (as Word or a browser would). */
  async paste(data: { html?: string; text?: string }): Promise<void> {
    await this.editor.evaluate(
      (el, payload) => {
        const win = el.ownerDocument.defaultView as unknown as {
          DataTransfer: new () => { setData(type: string, value: string): void };
          ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
        };
        const transfer = new win.DataTransfer();
        if (payload.html !== undefined) transfer.setData('text/html', payload.html);
        if (payload.text !== undefined) transfer.setData('text/plain', payload.text);
        const event = new win.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
        (el as unknown as { dispatchEvent(e: unknown): boolean }).dispatchEvent(event);
      },
      data,
    );
  }
}
