// Builds the benchmark archive through the core, exactly as documents reach it from the app:
// documents.create with editor JSON, one call per document.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unwrap } from '../main/common/dispatcher';
import { contentFromParagraphs, documentPlainText } from '../main/common/documentModel';
import type { Core } from '../main/core/createCore';

/** Figures of a built archive. */
export interface ArchiveFigures {
  docs: number;
  chars: number;
  textBytes: number;
}

/**
 * Creates `docs` documents of about `charsPerDoc` characters through core.dispatch, and writes
 * the same plain text as one file per document into textDir (for the ripgrep comparison).
 */
export async function buildArchive(
  core: Core,
  textDir: string,
  docs: number,
  charsPerDoc: number,
  generate: (chars: number) => { title: string; paragraphs: string[] },
  log: (message: string) => void,
): Promise<ArchiveFigures> {
  mkdirSync(textDir, { recursive: true });
  let chars = 0;
  let textBytes = 0;
  const started = performance.now();
  for (let i = 0; i < docs; i++) {
    const doc = generate(charsPerDoc);
    const content = contentFromParagraphs(doc.paragraphs);
    unwrap(await core.dispatch('documents.create', { title: doc.title, content }));
    const text = documentPlainText(content);
    chars += text.length;
    textBytes += Buffer.byteLength(text, 'utf8');
    writeFileSync(path.join(textDir, `${String(i).padStart(5, '0')}.txt`), `${doc.title}\n${text}`);
    if ((i + 1) % 250 === 0 || i + 1 === docs) {
      log(`  已生成 ${i + 1}/${docs} 篇（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
    }
  }
  return { docs, chars, textBytes };
}
