// The contract's export methods over the export engine (main/core/export).
import type { Handlers } from '../common/dispatcher';
import { fillFields } from '../common/reportModel';
import type { Document } from '../common/contract';
import type { FormatProfile } from '../common/formatProfile';
import { exportDocx } from './export';

/** A file name from a title: characters Windows forbids replaced, length bounded, .docx added. */
export function docxFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 80);
  return `${base || '未命名文稿'}.docx`;
}

/**
 * Builds the export handlers over a way to read a stored document and one to resolve a saved
 * profile's id (NOT_FOUND for an unknown one). An inline profile wins over profileId.
 */
export function createExportHandlers(getDocument: (id: string) => Promise<Document> | Document, resolveProfile: (id: string) => FormatProfile): Handlers<'export.docx'> {
  return {
    async 'export.docx'(input) {
      const profile = input.profile ?? (input.profileId === undefined ? undefined : resolveProfile(input.profileId));
      const doc = await getDocument(input.id);
      const result = await exportDocx({ title: doc.title, content: doc.content, fields: doc.fields, ...(profile ? { profile } : {}) });
      return {
        fileName: docxFileName(fillFields(doc.title, doc.fields)),
        dataBase64: result.buffer.toString('base64'),
        pages: result.pages,
        warnings: result.warnings,
      };
    },
  };
}
