// The snippets.* methods over the default library (read-only, from resources/snippets), the
// user's rows (user_snippets, snippet_use) and the in-memory SnippetIndex. Writes commit first and
// update the index after; a change committed by another process (the CLI while the app runs) is
// noticed through SQLite's data_version and read back before the next call.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { HandlerInput, SnippetHit } from '../../common/contract';
import type { Handlers } from '../../common/dispatcher';
import { describeIssues } from '../../common/dispatcher';
import { AppError } from '../../common/errors';
import { normalizeSnippetBody, snippetFields, snippetKindNames, snippetKinds, snippetSchema } from '../../common/snippetModel';
import type { Snippet } from '../../common/snippetModel';
import type { Session, Storage } from '../storage/storage';
import type { UserSnippetRow } from '../storage/snippetStore';
import { SNIPPETS_FOLDER, loadDefaultSnippets } from './library';
import { exportName, packFileName, packJson, parsePack } from './packs';
import { SnippetIndex } from './snippetIndex';
import type { IndexedSnippet, Range } from './snippetIndex';

/** The snippets.* methods. */
export type SnippetMethod =
  | 'snippets.search'
  | 'snippets.facets'
  | 'snippets.get'
  | 'snippets.save'
  | 'snippets.delete'
  | 'snippets.setFavorite'
  | 'snippets.recordUse'
  | 'snippets.exportPack'
  | 'snippets.importPack';

const notFoundMessage = '找不到这条常用语，它可能已被删除。请刷新常用语列表。';
const readOnlyMessage = '默认常用语不能直接修改。请复制后修改：先“存为我的常用语”，再编辑副本。';
const deleteDefaultMessage = '默认常用语不能删除。不常用的可以不理会；想改写请复制后修改，再删除自己的副本。';

/** The default library over resourcesDir/snippets, loaded at first use; problems go to onError. */
export function createSnippetLibrary(resourcesDir: string, onError: (where: string, error: unknown) => void): () => Snippet[] {
  let loaded: Snippet[] | null = null;
  return () => {
    if (!loaded) {
      const library = loadDefaultSnippets(path.join(resourcesDir, SNIPPETS_FOLDER));
      for (const problem of library.problems) onError('加载常用语', new Error(problem));
      loaded = library.snippets;
    }
    return loaded;
  };
}

/** A new user snippet id: "u-" and 10 random hex digits. */
function newSnippetId(taken: (id: string) => boolean): string {
  for (;;) {
    const id = `u-${randomBytes(5).toString('hex')}`;
    if (!taken(id)) return id;
  }
}

/** What the contract returns for a snippet. */
export function toHit(s: IndexedSnippet, titleHighlights: Range[] = [], bodyHighlights: Range[] = []): SnippetHit {
  return {
    id: s.id,
    title: s.title,
    body: s.body,
    kind: s.kind,
    topic: s.topic,
    tags: [...s.tags],
    source: s.source,
    favorite: s.favorite,
    useCount: s.useCount,
    lastUsedAt: s.lastUsedAt,
    fields: snippetFields(s.body),
    titleHighlights,
    bodyHighlights,
  };
}

/** Counts of values, most frequent first, then by first appearance. */
function countBy<T>(values: readonly T[]): Array<[T, number]> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** Trimmed, distinct, non-empty tags. */
function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** Builds the snippets.* handlers. */
export function createSnippetHandlers(storage: Storage, defaults: () => Snippet[], now: () => number): Handlers<SnippetMethod> {
  let index: SnippetIndex | null = null;
  let seenVersion = -1;
  // The connection the index was read from: after storage.recover (a restored backup or a fresh
  // database) everything is read again.
  let seenSession: Session | null = null;

  /** Reads the user's rows back into the index (at first use and after another process wrote). */
  const resync = (session: Session, idx: SnippetIndex): void => {
    seenVersion = session.snippets.dataVersion();
    seenSession = session;
    const rows = session.snippets.listUser();
    const use = new Map(session.snippets.listUse().map((u) => [u.id, u]));
    const ids = new Set(rows.map((r) => r.id));
    for (const id of idx.userIds()) if (!ids.has(id)) idx.remove(id);
    for (const row of rows) {
      const u = use.get(row.id);
      idx.put({ ...row, source: 'user', favorite: u?.favorite ?? false, useCount: u?.useCount ?? 0, lastUsedAt: u?.lastUsedAt ?? null });
    }
    for (const s of idx.all()) {
      if (s.source !== 'default') continue;
      const u = use.get(s.id);
      if (u || s.favorite || s.useCount) idx.setUse(s.id, { favorite: u?.favorite ?? false, useCount: u?.useCount ?? 0, lastUsedAt: u?.lastUsedAt ?? null });
    }
  };

  /** The index, built at first use and brought up to date with the database. */
  const ready = (session: Session): SnippetIndex => {
    if (!index) {
      index = new SnippetIndex(defaults());
      resync(session, index);
    } else if (session !== seenSession || session.snippets.dataVersion() !== seenVersion) {
      resync(session, index);
    }
    return index;
  };

  const requireSnippet = (idx: SnippetIndex, id: string): IndexedSnippet => {
    const s = idx.get(id);
    if (!s) throw new AppError('NOT_FOUND', notFoundMessage);
    return s;
  };

  const userSnippet = (row: UserSnippetRow, previous: IndexedSnippet | undefined): IndexedSnippet => ({
    ...row,
    source: 'user',
    favorite: previous?.favorite ?? false,
    useCount: previous?.useCount ?? 0,
    lastUsedAt: previous?.lastUsedAt ?? null,
  });

  return {
    'snippets.search': (input) =>
      storage.read((session) => {
        const result = ready(session).search(input);
        return { hits: result.hits.map((h) => toHit(h.snippet, h.titleHighlights, h.bodyHighlights)), total: result.total };
      }),
    'snippets.facets': () =>
      storage.read((session) => {
        const all = ready(session).all();
        const kinds = countBy(all.map((s) => s.kind));
        return {
          kinds: snippetKinds.map((kind) => ({ kind, count: kinds.find(([k]) => k === kind)?.[1] ?? 0 })),
          topics: countBy(all.map((s) => s.topic)).map(([topic, count]) => ({ topic, count })),
          tags: countBy(all.flatMap((s) => s.tags)).map(([tag, count]) => ({ tag, count })),
          total: all.length,
        };
      }),
    'snippets.get': (input) => storage.read((session) => toHit(requireSnippet(ready(session), input.id))),
    'snippets.save': async (input) => {
      const t = now();
      const { row, previous } = await storage.write((session) => {
        const idx = ready(session);
        const previous = input.id === undefined ? undefined : idx.get(input.id);
        if (input.id !== undefined && !previous) throw new AppError('NOT_FOUND', notFoundMessage);
        if (previous?.source === 'default') throw new AppError('INVALID_INPUT', readOnlyMessage);
        const id = previous?.id ?? newSnippetId((candidate) => idx.get(candidate) !== undefined || session.snippets.user(candidate) !== undefined);
        const checked = snippetSchema.safeParse({ id, title: input.title, body: input.body, kind: input.kind, topic: input.topic?.trim() || '综合', tags: cleanTags(input.tags ?? []) });
        if (!checked.success) throw new AppError('INVALID_INPUT', describeIssues(checked.error));
        const row: UserSnippetRow = { ...checked.data, createdAt: previous?.createdAt ?? t, updatedAt: t };
        if (previous) session.snippets.update(row);
        else session.snippets.insert(row);
        return { row, previous };
      });
      const s = userSnippet(row, previous);
      index?.put(s);
      return toHit(s);
    },
    'snippets.delete': async (input) => {
      await storage.write((session) => {
        const s = requireSnippet(ready(session), input.id);
        if (s.source === 'default') throw new AppError('UNSUPPORTED', deleteDefaultMessage);
        session.snippets.delete(s.id);
      });
      index?.remove(input.id);
      return { ok: true as const };
    },
    'snippets.setFavorite': async (input) => {
      const s = await storage.write((session) => {
        const s = requireSnippet(ready(session), input.id);
        session.snippets.setFavorite(s.id, input.favorite);
        return s;
      });
      const use = { favorite: input.favorite, useCount: s.useCount, lastUsedAt: s.lastUsedAt };
      index?.setUse(s.id, use);
      return toHit({ ...s, ...use });
    },
    'snippets.recordUse': async (input) => {
      const t = now();
      const s = await storage.write((session) => {
        const s = requireSnippet(ready(session), input.id);
        session.snippets.recordUse(s.id, t);
        return s;
      });
      index?.setUse(s.id, { favorite: s.favorite, useCount: s.useCount + 1, lastUsedAt: t });
      return { ok: true as const };
    },
    'snippets.exportPack': (input) =>
      storage.read((session) => {
        const chosen = ready(session)
          .all()
          .filter((s) => (input.kind === undefined || s.kind === input.kind) && (input.topic === undefined || s.topic === input.topic));
        if (chosen.length === 0) {
          const what = [input.kind ? `类型为“${snippetKindNames[input.kind]}”` : '', input.topic ? `主题为“${input.topic}”` : ''].filter(Boolean).join('、');
          throw new AppError('NOT_FOUND', `没有${what}的常用语，没有导出。请换一个类型或主题。`);
        }
        const name = input.name?.trim() || exportName(input.kind, input.topic);
        return { fileName: packFileName(name), json: packJson(name, chosen), count: chosen.length };
      }),
    'snippets.importPack': async (input: HandlerInput<'snippets.importPack'>) => {
      const pack = parsePack(input.json);
      const t = now();
      const { rows, duplicates } = await storage.write((session) => {
        const idx = ready(session);
        const bodies = new Set(idx.all().map((s) => normalizeSnippetBody(s.body)));
        const taken = new Set<string>();
        const rows: UserSnippetRow[] = [];
        let duplicates = 0;
        for (const s of pack.snippets) {
          const body = normalizeSnippetBody(s.body);
          if (bodies.has(body)) {
            duplicates++;
            continue;
          }
          bodies.add(body);
          const clash = (id: string): boolean => taken.has(id) || idx.get(id) !== undefined || session.snippets.user(id) !== undefined;
          // Users' snippets are "u-…"; other ids (a default's, another library's) get a new one.
          const id = s.id.startsWith('u-') && !clash(s.id) ? s.id : newSnippetId(clash);
          taken.add(id);
          const row: UserSnippetRow = { ...s, id, tags: cleanTags(s.tags), createdAt: t, updatedAt: t };
          session.snippets.insert(row);
          rows.push(row);
        }
        return { rows, duplicates };
      });
      for (const row of rows) index?.put(userSnippet(row, undefined));
      return { name: pack.name, added: rows.length, duplicates };
    },
  };
}
