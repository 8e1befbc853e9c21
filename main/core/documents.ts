// The documents.* methods: the rules that keep a writer's text safe (reliability.md) on top of the
// storage layer. Nothing here touches SQL or sees an SQLite error.
import { MAX_FIELDS } from '../common/contract';
import type { DocumentMeta, HandlerInput, MethodOutput } from '../common/contract';
import type { Handlers } from '../common/dispatcher';
import { MAX_TITLE_CHARS, contentFromText, emptyContent } from '../common/documentModel';
import type { DocumentContent } from '../common/documentModel';
import { AppError, errorMessages } from '../common/errors';
import { fillFields, readingText, reportOutline, reportPlainText } from '../common/reportModel';
import type { FieldValues } from '../common/reportModel';
import { cleanFieldValues, instantiateTemplate } from '../common/templates';
import { newDocumentId } from './ids';
import { requireTemplate } from './templates';
import type { TemplateLibrary } from './templates';
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
  | 'documents.restoreRevision'
  | 'documents.setFields'
  | 'documents.outline'
  | 'documents.readingText';

const notFoundMessage = '找不到该文稿，它可能已被永久删除。请刷新文稿列表。';
const revisionNotFoundMessage = '找不到这个历史版本，它可能已被自动清理。请刷新历史版本列表。';
const emptyOverwriteMessage = '为防止误删，没有用空白内容覆盖已有的正文。如果确实要清空全文，请确认后再保存。';
const deleteNotTrashedMessage = '只能永久删除回收站中的文稿。请先把它移到回收站。';
const templateWithContentMessage = '从模板新建时不能同时给出正文。';
const tooManyFieldsMessage = `一篇文稿最多 ${MAX_FIELDS} 个填空。`;

/** True when two sets of field values are the same. */
function sameFields(a: FieldValues, b: FieldValues): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

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

/** The plain text search and 字数 see: fields filled in with the document's values. */
function plainTextOf(session: Session, row: DocumentRow, content: DocumentContent): string {
  return reportPlainText(content, session.docs.fields(row.seq));
}

/** Replaces a document's content, bumping its revision and updating its text and index. */
function replaceBody(session: Session, row: DocumentRow, content: DocumentContent, text: string, now: number): DocumentMeta {
  const chars = session.search.write(row.seq, row.title, text);
  session.docs.updateBody(row.seq, row.revision + 1, now, encodeContent(content), chars);
  return metaOf(session, row.seq);
}

/** Builds the documents.* handlers over a storage. */
export function createDocumentHandlers(storage: Storage, now: () => number, templates: TemplateLibrary): Handlers<DocumentMethod> {
  return {
    'documents.create': (input) => {
      let content = input.content ?? emptyContent();
      let title = input.title || DEFAULT_TITLE;
      let fields = cleanFieldValues(input.fields ?? {});
      if (input.templateId !== undefined) {
        if (input.content) throw new AppError('INVALID_INPUT', templateWithContentMessage);
        const made = instantiateTemplate(requireTemplate(templates, input.templateId), fields);
        content = made.content;
        fields = made.fields;
        title = input.title || made.title.slice(0, MAX_TITLE_CHARS).trim() || DEFAULT_TITLE;
      }
      return storage.write((s): MethodOutput<'documents.create'> => {
        let id = newDocumentId();
        while (s.docs.idExists(id)) id = newDocumentId();
        const time = now();
        const seq = s.docs.insert(id, title, time, 1, encodeContent(content));
        s.docs.setFields(seq, fields, time, s.search.write(seq, title, reportPlainText(content, fields)));
        return { ...metaOf(s, seq), content, fields };
      });
    },

    'documents.list': (input) => storage.read((s) => s.docs.list(input.trashed).map(toMeta)),

    'documents.get': (input) =>
      storage.read((s) => {
        const row = requireDocument(s, input.id);
        return { ...toMeta(row), content: decodeContent(s.docs.content(row.seq)), fields: s.docs.fields(row.seq) };
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
        const text = plainTextOf(s, row, input.content);
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
        return replaceBody(s, row, content, plainTextOf(s, row, content), time);
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
        return replaceBody(s, row, content, plainTextOf(s, row, content), time);
      }),

    'documents.setFields': (input) =>
      storage.write((s) => {
        const row = requireDocument(s, input.id);
        const current = s.docs.fields(row.seq);
        // Merge: the values given replace the stored ones; an empty value clears its field.
        const given = cleanFieldValues(input.fields);
        const next: FieldValues = Object.fromEntries(Object.entries({ ...current, ...given }).filter(([name]) => name in given || !(name in input.fields)));
        if (Object.keys(next).length > MAX_FIELDS) throw new AppError('INVALID_INPUT', tooManyFieldsMessage);
        if (sameFields(current, next)) return { ...toMeta(row), fields: current };
        const time = now();
        // A title made from a template before its fields were filled still shows {{单位}}: fill it too.
        const title = fillFields(row.title, next).slice(0, MAX_TITLE_CHARS);
        if (title !== row.title) s.docs.rename(row.seq, title, time);
        // The content and its revision stay as they are (the editor chains saves on the revision);
        // only the derived text, its index and its count change.
        const text = reportPlainText(decodeContent(s.docs.content(row.seq)), next);
        s.docs.setFields(row.seq, next, time, s.search.write(row.seq, title, text));
        return { ...metaOf(s, row.seq), fields: next };
      }),

    'documents.outline': (input) =>
      storage.read((s) => {
        const row = requireDocument(s, input.id);
        return reportOutline(row.title, decodeContent(s.docs.content(row.seq)), s.docs.fields(row.seq));
      }),

    'documents.readingText': (input) =>
      storage.read((s) => {
        const row = requireDocument(s, input.id);
        const fields = s.docs.fields(row.seq);
        return { title: fillFields(row.title, fields), text: readingText(row.title, decodeContent(s.docs.content(row.seq)), fields) };
      }),
  };
}
