// The documents.* methods: the rules that keep a writer's text safe (reliability.md) on top of the
// storage layer. Nothing here touches SQL or sees an SQLite error.
import type { DocumentMeta, HandlerInput, MethodOutput } from '../common/contract';
import type { Handlers } from '../common/dispatcher';
import { contentFromText, documentPlainText, emptyContent } from '../common/documentModel';
import type { DocumentContent } from '../common/documentModel';
import { AppError, errorMessages } from '../common/errors';
import { newDocumentId } from './ids';
import { decodeContent, encodeContent, toMeta, toRevisionMeta } from './storage/documentStore';
import type { DocumentRow, RevisionReason } from './storage/documentStore';
import { parseQuery, titleHighlights } from './storage/search';
import type { Session, Storage } from './storage/storage';

/** Title of a document created without one (or renamed to nothing). */
export const DEFAULT_TITLE = '未命名文稿';
/** A save keeps an automatic revision when the last one is older than this (ms). */
export const AUTOSAVE_REVISION_INTERVAL_MS = 10 * 60 * 1000;
/** Revisions kept per document; the oldest automatic ones go first. */
export const REVISIONS_KEPT = 50;

/** The documents.* methods. */
export type DocumentMethod =
  | 'documents.create'
  | 'documents.list'
  | 'documents.get'
  | 'documents.rename'
  | 'documents.save'
  | 'documents.replaceText'
  | 'documents.trash'
  | 'documents.restore'
  | 'documents.deleteForever'
  | 'documents.search'
  | 'documents.listRevisions'
  | 'documents.getRevision'
  | 'documents.restoreRevision';

const notFoundMessage = '找不到该文稿，它可能已被永久删除。请刷新文稿列表。';
const revisionNotFoundMessage = '找不到这个历史版本，它可能已被自动清理。请刷新历史版本列表。';
const emptyOverwriteMessage = '为防止误删，没有用空白内容覆盖已有的正文。如果确实要清空全文，请确认后再保存。';
const deleteNotTrashedMessage = '只能永久删除回收站中的文稿。请先把它移到回收站。';

/** True when a text has nothing but white space. */
function isBlank(text: string): boolean {
  return !/\S/u.test(text);
}

/** The document with this id, or NOT_FOUND. */
function requireDocument(session: Session, id: string): DocumentRow {
  const row = session.docs.byId(id);
  if (!row) throw new AppError('NOT_FOUND', notFoundMessage);
  return row;
}

/** The current meta of a document after a change. */
function metaOf(session: Session, seq: number): DocumentMeta {
  const row = session.docs.bySeq(seq);
  if (!row) throw new AppError('NOT_FOUND', notFoundMessage);
  return toMeta(row);
}

/** Keeps the stored content as a revision (unless it has no text) and prunes old ones. */
function snapshot(session: Session, row: DocumentRow, reason: RevisionReason, now: number): void {
  if (row.chars === 0) return;
  session.docs.addRevision(row.seq, row.revision, now, reason, row.chars, session.docs.content(row.seq));
  session.docs.pruneRevisions(row.seq, REVISIONS_KEPT);
}

/** Replaces a document's content, bumping its revision and updating its text and index. */
function replaceBody(session: Session, row: DocumentRow, content: DocumentContent, text: string, now: number): DocumentMeta {
  const chars = session.search.write(row.seq, row.title, text);
  session.docs.updateBody(row.seq, row.revision + 1, now, encodeContent(content), chars);
  return metaOf(session, row.seq);
}

/** Builds the documents.* handlers over a storage. */
export function createDocumentHandlers(storage: Storage, now: () => number): Handlers<DocumentMethod> {
  return {
    'documents.create': (input) =>
      storage.write((s): MethodOutput<'documents.create'> => {
        const content = input.content ?? emptyContent();
        let id = newDocumentId();
        while (s.docs.idExists(id)) id = newDocumentId();
        const title = input.title || DEFAULT_TITLE;
        const seq = s.docs.insert(id, title, now(), 1, encodeContent(content));
        s.docs.setChars(seq, s.search.write(seq, title, documentPlainText(content)));
        return { ...metaOf(s, seq), content };
      }),

    'documents.list': (input) => storage.read((s) => s.docs.list(input.trashed).map(toMeta)),

    'documents.get': (input) =>
      storage.read((s) => {
        const row = requireDocument(s, input.id);
        return { ...toMeta(row), content: decodeContent(s.docs.content(row.seq)) };
      }),

    'documents.rename': (input) =>
      storage.write((s) => {
        const row = requireDocument(s, input.id);
        const title = input.title || DEFAULT_TITLE;
        if (title === row.title) return toMeta(row);
        // The revision counts content changes only, so a rename never turns a pending save into a conflict.
        s.docs.rename(row.seq, title, now());
        s.search.retitle(row.seq, title);
        return metaOf(s, row.seq);
      }),

    'documents.save': (input: HandlerInput<'documents.save'>) =>
      storage.write((s) => {
        const row = requireDocument(s, input.id);
        if (row.revision !== input.baseRevision && !input.force) throw new AppError('CONFLICT', errorMessages.CONFLICT);
        const text = documentPlainText(input.content);
        if (!input.allowEmpty && isBlank(text) && row.chars > 0) throw new AppError('INVALID_INPUT', emptyOverwriteMessage);
        const time = now();
        // A save long after the last snapshot keeps the text as it was, so an hour of edits can be undone.
        const lastSnapshot = s.docs.lastRevisionAt(row.seq) ?? row.createdAt;
        if (time - lastSnapshot > AUTOSAVE_REVISION_INTERVAL_MS) snapshot(s, row, 'autosave', time);
        return replaceBody(s, row, input.content, text, time);
      }),

    'documents.replaceText': (input) =>
      storage.write((s) => {
        const row = requireDocument(s, input.id);
        const time = now();
        snapshot(s, row, 'before-replace', time);
        const content = contentFromText(input.text);
        return replaceBody(s, row, content, documentPlainText(content), time);
      }),

    'documents.trash': (input) =>
      storage.write((s) => {
        const row = requireDocument(s, input.id);
        if (row.trashedAt !== null) return toMeta(row);
        const time = now();
        snapshot(s, row, 'before-trash', time);
        s.docs.setTrashed(row.seq, time);
        return metaOf(s, row.seq);
      }),

    'documents.restore': (input) =>
      storage.write((s) => {
        const row = requireDocument(s, input.id);
        if (row.trashedAt === null) return toMeta(row);
        s.docs.setTrashed(row.seq, null);
        return metaOf(s, row.seq);
      }),

    'documents.deleteForever': (input) =>
      storage.write((s) => {
        const row = requireDocument(s, input.id);
        if (row.trashedAt === null) throw new AppError('CONFLICT', deleteNotTrashedMessage);
        s.search.remove(row.seq);
        s.docs.delete(row.seq);
        return { ok: true as const };
      }),

    'documents.search': (input) =>
      storage.read((s) => {
        const terms = parseQuery(input.query);
        if (terms.length === 0) return [];
        return s.search.rank(terms, input.limit).map((hit) => {
          const { excerpt, highlights } = s.search.excerpt(hit.seq, terms);
          return {
            id: hit.id,
            title: hit.title,
            updatedAt: hit.updatedAt,
            score: hit.score,
            excerpt,
            highlights,
            titleHighlights: titleHighlights(hit.title, terms),
          };
        });
      }),

    'documents.listRevisions': (input) =>
      storage.read((s) => s.docs.revisions(requireDocument(s, input.id).seq).map(toRevisionMeta)),

    'documents.getRevision': (input) =>
      storage.read((s) => {
        const revision = s.docs.revision(input.revisionId);
        if (!revision) throw new AppError('NOT_FOUND', revisionNotFoundMessage);
        return { ...toRevisionMeta(revision), content: decodeContent(revision.content) };
      }),

    'documents.restoreRevision': (input) =>
      storage.write((s) => {
        const revision = s.docs.revision(input.revisionId);
        if (!revision) throw new AppError('NOT_FOUND', revisionNotFoundMessage);
        const row = s.docs.bySeq(revision.docSeq);
        if (!row) throw new AppError('NOT_FOUND', notFoundMessage);
        const time = now();
        snapshot(s, row, 'before-restore', time);
        const content = decodeContent(revision.content);
        return replaceBody(s, row, content, documentPlainText(content), time);
      }),
  };
}
