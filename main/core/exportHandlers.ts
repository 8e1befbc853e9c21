// The contract's export methods over the export engine (main/core/export).
import type { Handlers } from '../common/dispatcher';
import { fillFields } from '../common/reportModel';
import type { Document } from '../common/contract';
import { exportDocx } from './export';

/** A file name from a title: characters Windows forbids replaced, length bounded, .docx added. */
export function docxFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 80);
  return `${base || '未命名文稿'}.docx`;
}

/** Builds the export handlers over a way to read a stored document. */
export function createExportHandlers(getDocument: (id: string) => Promise<Document> | Document): Handlers<'export.docx'> {
  return {
    async 'export.docx'(input) {
      const doc = await getDocument(input.id);
      const result = await exportDocx({ title: doc.title, content: doc.content, fields: doc.fields, ...(input.profile ? { profile: input.profile } : {}) });
      return {
        fileName: docxFileName(fillFields(doc.title, doc.fields)),
        dataBase64: result.buffer.toString('base64'),
        pages: result.pages,
        warnings: result.warnings,
      };
    },
  };
}
