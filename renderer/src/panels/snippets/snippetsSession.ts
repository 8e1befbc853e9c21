// What the snippets features share across documents: the client, how to tell the writer
// something, and the panel's browsing state (query, filters), kept when the editor is remounted
// for another document. "version" changes whenever the library changed (saved, deleted,
// imported, used), so open lists load again.
import type { Client } from '@common/client';
import type { SnippetKind } from '@common/snippetModel';
import { downloadBase64 } from '../../lib/download';

/** The panel's list filter (snippets.search's filter). */
export type SnippetFilter = 'all' | 'favorites' | 'recent' | 'user';

/** What the panel is browsing. */
export interface BrowseState {
  query: string;
  filter: SnippetFilter;
  kind: SnippetKind | null;
  topic: string | null;
  tag: string | null;
}

/** Everything the snippets features need from the workspace. */
export interface SnippetsEnv {
  client: Client;
  /** Shows a notice (toast). */
  notify(message: string, kind?: 'info' | 'error' | 'success'): void;
  /** True when a native save dialog exists (desktop); otherwise exports download. */
  nativeSave: boolean;
  session: SnippetsSession;
}

/** Browsing state and the library's change counter, for one window. */
export class SnippetsSession {
  browse: BrowseState = { query: '', filter: 'all', kind: null, topic: null, tag: null };
  /** The last focus request of the panel's search box that was carried out. */
  private focusSeen = 0;

  /** True (once) for a focus request not yet carried out. */
  takeFocusRequest(request: number): boolean {
    if (request <= this.focusSeen) return false;
    this.focusSeen = request;
    return true;
  }

  /** Remembers what the panel browses, for the next document. */
  remember(browse: BrowseState): void {
    this.browse = browse;
  }
  private version = 0;
  private readonly listeners = new Set<() => void>();

  /** Subscribes to library changes; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The change counter (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  /** Marks the library changed: lists load again. */
  changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

/** Starts a browser download of text (UTF-8). */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBase64(fileName, utf8Base64(text), mime);
}

/** Base64 of a string's UTF-8 bytes (for shell.saveFile). */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
