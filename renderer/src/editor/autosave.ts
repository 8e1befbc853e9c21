// The autosave queue (reliability.md): every edit is captured with the id of the document its
// editor was loaded for, saves of one document run one at a time on the revision the previous one
// returned, nothing is saved while an IME composition is open, and a failed save keeps its text
// and retries. Pure: no DOM, no React, no Lexical; the clock and the client are passed in.
import type { DocumentMeta } from '@common/contract';
import type { DocumentContent } from '@common/documentModel';
import type { ErrorCode } from '@common/errors';
import { isAppError } from '@common/errors';

/** What the queue sends: the input of `documents.save`. */
export interface SaveRequest {
  id: string;
  baseRevision: number;
  content: DocumentContent;
  allowEmpty: boolean;
  force: boolean;
}

/** The one call the queue makes (documents.save); rejects with an AppError on failure. */
export type SaveFn = (request: SaveRequest) => Promise<DocumentMeta>;

/** Timers the queue uses; tests pass a fake clock. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/**
 * An edit as captured by the editor's update listener. `content` is called when the save is
 * sent: Lexical editor states are immutable, so serialising later gives the text as it was at
 * edit time while sparing a JSON walk per keystroke.
 */
export interface Snapshot {
  content: () => DocumentContent;
  /** True when the edited document has no text at all. */
  isEmpty: boolean;
}

/** What the status bar shows for one document. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

/** A save failure as shown to the user. */
export interface SaveFailure {
  code: ErrorCode;
  message: string;
}

/** The save state of one document. */
export interface DocSaveState {
  status: SaveStatus;
  /** The last failure while status is 'error' or 'conflict'. */
  error: SaveFailure | null;
  /** The stored revision this window's edits build on. */
  revision: number;
  /** When the last save of this document succeeded (ms since epoch), null before any. */
  savedAt: number | null;
  /** When the next automatic retry runs (ms since epoch), null when none is scheduled. */
  retryAt: number | null;
}

/** Options of the queue. */
export interface AutosaveOptions {
  save: SaveFn;
  /** Quiet time after the last edit before a save, in ms. */
  debounceMs?: number;
  /** Delays between automatic retries after a failure, in ms; the last one repeats. */
  retryDelaysMs?: readonly number[];
  scheduler?: Scheduler;
  /** Called after every successful save with what the store now holds. */
  onSaved?: (meta: DocumentMeta) => void;
}

interface Pending {
  snapshot: Snapshot;
  /** True when this edit emptied a document that had text (the user asked for empty). */
  userEmptied: boolean;
  seq: number;
}

interface Entry {
  docId: string;
  revision: number;
  /** Whether the latest known text of the document (stored or edited) is non-empty. */
  hasText: boolean;
  pending: Pending | null;
  inFlight: Promise<void> | null;
  /** The pending edit should be sent as soon as nothing blocks it. */
  due: boolean;
  status: SaveStatus;
  error: SaveFailure | null;
  savedAt: number | null;
  attempts: number;
  debounceTimer: unknown;
  retryTimer: unknown;
  retryAt: number | null;
}

/** The default scheduler: the page's own timers and clock. */
export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

/** Error codes that a retry cannot fix; the queue stops retrying on its own (the user can still). */
const PERMANENT: ReadonlySet<ErrorCode> = new Set(['NOT_FOUND', 'INVALID_INPUT', 'TOO_LARGE', 'UNSUPPORTED', 'DB_CORRUPT']);

/** An entry's status, read through a call so TypeScript does not narrow it across awaits. */
function statusOf(entry: { status: SaveStatus }): SaveStatus {
  return entry.status;
}

function toFailure(error: unknown): SaveFailure {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** The autosave queue of one window. */
export class AutosaveQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly save: SaveFn;
  private readonly debounceMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly scheduler: Scheduler;
  private readonly onSaved: ((meta: DocumentMeta) => void) | undefined;
  private composing = false;
  private seq = 0;
  private version = 0;

  constructor(options: AutosaveOptions) {
    this.save = options.save;
    this.debounceMs = options.debounceMs ?? 800;
    this.retryDelaysMs = options.retryDelaysMs?.length ? options.retryDelaysMs : [1000, 2000, 5000, 10_000, 30_000];
    this.scheduler = options.scheduler ?? realScheduler;
    this.onSaved = options.onSaved;
  }

  /**
   * Registers a document an editor was just loaded with (its stored revision and whether it has
   * text). Keeps the queue's own revision when edits of this document are still unsaved here.
   */
  open(docId: string, stored: { revision: number; hasText: boolean }): void {
    const entry = this.entries.get(docId);
    if (entry && (entry.pending || entry.inFlight)) return;
    if (entry) {
      entry.revision = stored.revision;
      entry.hasText = stored.hasText;
      if (entry.status !== 'saved') this.setStatus(entry, 'saved', null);
      return;
    }
    this.entries.set(docId, {
      docId,
      revision: stored.revision,
      hasText: stored.hasText,
      pending: null,
      inFlight: null,
      due: false,
      status: 'saved',
      error: null,
      savedAt: null,
      attempts: 0,
      debounceTimer: undefined,
      retryTimer: undefined,
      retryAt: null,
    });
    this.notify();
  }

  /** Records a user edit of docId (from the editor loaded for docId) and schedules its save. */
  edit(docId: string, snapshot: Snapshot): void {
    const entry = this.entries.get(docId);
    if (!entry) throw new Error(`autosave: edit of a document that was never opened (${docId})`);
    const userEmptied = snapshot.isEmpty && (entry.hasText || (entry.pending?.userEmptied ?? false));
    const hadPending = entry.pending !== null;
    entry.hasText = !snapshot.isEmpty;
    entry.pending = { snapshot, userEmptied, seq: ++this.seq };
    if (entry.status === 'saved') this.setStatus(entry, 'pending', null);
    // A further keystroke while an edit is already pending changes nothing anyone shows: no
    // notification, so the window does not re-render on every keystroke of a long document.
    else if (!hadPending) this.notify();
    this.clearDebounce(entry);
    entry.debounceTimer = this.scheduler.setTimeout(() => {
      entry.debounceTimer = undefined;
      entry.due = true;
      this.kick(entry, false);
    }, this.debounceMs);
  }

  /** Tells the queue an IME composition started or ended; the end sends what was deferred. */
  setComposing(composing: boolean): void {
    if (this.composing === composing) return;
    this.composing = composing;
    if (!composing) {
      for (const entry of this.entries.values()) {
        if (entry.pending) {
          this.clearDebounce(entry);
          entry.due = true;
          this.kick(entry, false);
        }
      }
    }
  }

  /** True while an IME composition is open. */
  isComposing(): boolean {
    return this.composing;
  }

  /**
   * Sends docId's pending edit now (even mid-composition: the editor is going away) and waits
   * until it is stored or has failed. Resolves true when nothing of docId is left unsaved.
   */
  async flush(docId: string): Promise<boolean> {
    const entry = this.entries.get(docId);
    if (!entry) return true;
    // Bounded: each round sends the newest edit; more rounds only if edits keep arriving.
    for (let round = 0; round < 5; round += 1) {
      if (entry.inFlight) {
        await entry.inFlight;
        continue;
      }
      if (!entry.pending || entry.status === 'conflict') break;
      this.clearDebounce(entry);
      entry.due = true;
      const before = entry.pending.seq;
      this.kick(entry, true);
      if (entry.inFlight) await entry.inFlight;
      const status = statusOf(entry); // re-read: the await changed it
      if (status === 'error' || status === 'conflict') break;
      if (entry.pending?.seq === before) break;
    }
    return !entry.pending && !entry.inFlight;
  }

  /** Flushes every document; resolves true when nothing is left unsaved. */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([...this.entries.keys()].map((id) => this.flush(id)));
    return results.every(Boolean);
  }

  /** Retries failed saves now (the 重试 button); all documents when docId is omitted. */
  retry(docId?: string): Promise<boolean> {
    const targets = docId ? [docId] : [...this.entries.keys()];
    for (const id of targets) {
      const entry = this.entries.get(id);
      if (entry && entry.status === 'error') {
        entry.attempts = 0;
        this.clearRetry(entry);
      }
    }
    return docId ? this.flush(docId) : this.flushAll();
  }

  /** After a CONFLICT the user chose their own text: overwrite the stored copy with it. */
  async keepMine(docId: string): Promise<boolean> {
    const entry = this.entries.get(docId);
    if (!entry) return true;
    if (entry.inFlight) await entry.inFlight;
    if (!entry.pending) return true;
    this.clearDebounce(entry);
    this.clearRetry(entry);
    await this.send(entry, true);
    const status = statusOf(entry); // re-read: the await changed it
    if (entry.pending && status !== 'error' && status !== 'conflict') return this.flush(docId);
    return !entry.pending;
  }

  /**
   * Drops docId's unsaved edits. Only for explicit user choices (载入已保存的版本 after a conflict,
   * 永久删除); never called on the way to loading another document.
   */
  discard(docId: string): void {
    const entry = this.entries.get(docId);
    if (!entry) return;
    this.clearDebounce(entry);
    this.clearRetry(entry);
    entry.pending = null;
    entry.due = false;
    entry.attempts = 0;
    this.setStatus(entry, 'saved', null);
  }

  /** Forgets a document entirely (deleted forever), dropping anything unsaved. */
  forget(docId: string): void {
    this.discard(docId);
    this.entries.delete(docId);
    this.notify();
  }

  /** Runs fn after docId's in-flight save; fn may report a revision it produced (e.g. rename). */
  async runExclusive<T>(docId: string, fn: () => Promise<T>, revisionOf?: (result: T) => number): Promise<T> {
    const entry = this.entries.get(docId);
    if (entry?.inFlight) await entry.inFlight;
    const result = await fn();
    if (entry && revisionOf) {
      const revision = revisionOf(result);
      if (revision > entry.revision && !entry.inFlight) entry.revision = revision;
    }
    return result;
  }

  /** The unsaved content of docId, if any (shown instead of the stored copy when reopened). */
  unsavedContent(docId: string): DocumentContent | null {
    return this.entries.get(docId)?.pending?.snapshot.content() ?? null;
  }

  /** The save state of docId. */
  stateOf(docId: string): DocSaveState {
    const entry = this.entries.get(docId);
    if (!entry) return { status: 'saved', error: null, revision: 0, savedAt: null, retryAt: null };
    return { status: entry.status, error: entry.error, revision: entry.revision, savedAt: entry.savedAt, retryAt: entry.retryAt };
  }

  /** Ids of documents with unsaved edits. */
  unsavedIds(): string[] {
    return [...this.entries.values()].filter((e) => e.pending || e.inFlight).map((e) => e.docId);
  }

  /** True when any document has edits not yet stored. */
  hasUnsaved(): boolean {
    return this.unsavedIds().length > 0;
  }

  /** Subscribes to state changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A number that changes on every state change (for React's useSyncExternalStore). */
  getVersion(): number {
    return this.version;
  }

  /** Starts a save of entry's pending edit if it is due and nothing blocks it. */
  private kick(entry: Entry, ignoreComposing: boolean): void {
    if (!entry.due || !entry.pending || entry.inFlight) return;
    if (entry.status === 'conflict') return;
    if (this.composing && !ignoreComposing) return;
    void this.send(entry, false);
  }

  /** Sends entry's pending edit once; settles entry's state from the answer. */
  private send(entry: Entry, force: boolean): Promise<void> {
    const sending = entry.pending;
    if (!sending) return Promise.resolve();
    entry.due = false;
    this.clearRetry(entry);
    this.setStatus(entry, 'saving', entry.error);
    const run = async (): Promise<void> => {
      try {
        const meta = await this.save({
          id: entry.docId,
          baseRevision: entry.revision,
          content: sending.snapshot.content(),
          allowEmpty: sending.snapshot.isEmpty && sending.userEmptied,
          force,
        });
        entry.revision = meta.revision;
        entry.attempts = 0;
        entry.savedAt = this.scheduler.now();
        if (entry.pending === sending) entry.pending = null;
        this.setStatus(entry, entry.pending ? 'pending' : 'saved', null);
        this.onSaved?.(meta);
      } catch (error) {
        const failure = toFailure(error);
        if (failure.code === 'CONFLICT') {
          this.setStatus(entry, 'conflict', failure);
        } else {
          this.setStatus(entry, 'error', failure);
          if (!PERMANENT.has(failure.code)) this.scheduleRetry(entry);
        }
      }
    };
    const flight = run().finally(() => {
      entry.inFlight = null;
      this.notify();
      // Edits that arrived while this save was out go next, on the revision it returned.
      if (entry.pending && entry.status !== 'error' && entry.status !== 'conflict' && !entry.debounceTimer) {
        entry.due = true;
        this.kick(entry, false);
      }
    });
    entry.inFlight = flight;
    return flight;
  }

  private scheduleRetry(entry: Entry): void {
    this.clearRetry(entry);
    const delay = this.retryDelaysMs[Math.min(entry.attempts, this.retryDelaysMs.length - 1)] ?? 30_000;
    entry.attempts += 1;
    entry.retryAt = this.scheduler.now() + delay;
    entry.retryTimer = this.scheduler.setTimeout(() => {
      entry.retryTimer = undefined;
      entry.retryAt = null;
      if (!entry.pending) return;
      entry.due = true;
      // A retry of already-typed text is not held back by a new composition for long: the
      // composition's end sends it anyway.
      this.kick(entry, false);
      if (!entry.inFlight && entry.status === 'error') this.scheduleRetry(entry);
    }, delay);
  }

  private clearDebounce(entry: Entry): void {
    if (entry.debounceTimer !== undefined) {
      this.scheduler.clearTimeout(entry.debounceTimer);
      entry.debounceTimer = undefined;
    }
  }

  private clearRetry(entry: Entry): void {
    if (entry.retryTimer !== undefined) {
      this.scheduler.clearTimeout(entry.retryTimer);
      entry.retryTimer = undefined;
    }
    entry.retryAt = null;
  }

  private setStatus(entry: Entry, status: SaveStatus, error: SaveFailure | null): void {
    entry.status = status;
    entry.error = error;
    this.notify();
  }

  private notify(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
