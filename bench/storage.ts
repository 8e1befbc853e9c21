// Storage measurements: a save of a long document, opening an archive, and the file's size.
import path from 'node:path';
import { unwrap } from '../main/common/dispatcher';
import { contentFromParagraphs } from '../main/common/documentModel';
import { fileSize } from '../main/core/storage/files';
import { DATABASE_FILE } from '../main/core/storage/storage';
import type { Measurement } from './context';
import { median, ms, percentile, timed } from './stats';

const SAVES = 40;
const WARMUP_SAVES = 5;
const OPENS = 5;

/**
 * save_60k_p95_ms: p95 of documents.save on a 60,000-character document, each save a small edit
 * in one paragraph (what autosave sends while someone types), timed through dispatch: schema
 * validation, plain text, revision rules, content write, index update and the fsync'd commit.
 * Between saves the bench lets the core finish its idle work (index merges, WAL checkpoint), as
 * the autosave debounce (a second or more) does in the app; that work is reported apart.
 */
export const saveMeasurement: Measurement = {
  name: 'save',
  async run({ core, generate, log }) {
    log('测量：保存 6 万字的文稿');
    const doc = generate(60_000);
    const created = unwrap(await core.dispatch('documents.create', { title: doc.title, content: contentFromParagraphs(doc.paragraphs) })) as {
      id: string;
      revision: number;
    };
    let revision = created.revision;
    const paragraphs = [...doc.paragraphs];
    const samples: number[] = [];
    const idle: number[] = [];
    await core.settled();
    for (let i = 0; i < WARMUP_SAVES + SAVES; i++) {
      const at = (i * 7919) % paragraphs.length;
      paragraphs[at] = `${paragraphs[at] as string}${generate(40).paragraphs.join('')}`;
      const content = contentFromParagraphs(paragraphs);
      let saved: { revision: number } | undefined;
      const took = await timed(async () => {
        saved = unwrap(await core.dispatch('documents.save', { id: created.id, baseRevision: revision, content })) as { revision: number };
      });
      revision = (saved as { revision: number }).revision;
      const idleTook = await timed(() => core.settled());
      if (i >= WARMUP_SAVES) {
        samples.push(took);
        idle.push(idleTook);
      }
    }
    return { save_60k_p95_ms: ms(percentile(samples, 95)), save_60k_idle_work_median_ms: ms(median(idle)) };
  },
};

/** open_list_ms: createCore on the existing archive plus documents.list (median of a few opens). */
export const openMeasurement: Measurement = {
  name: 'open',
  async run(context) {
    context.log('测量：打开数据库并列出文稿');
    context.core.close();
    const samples: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      let listed = 0;
      const took = await timed(async () => {
        context.core = context.reopen();
        listed = (unwrap(await context.core.dispatch('documents.list', {})) as unknown[]).length;
      });
      if (listed === 0) throw new Error('打开后没有列出任何文稿');
      samples.push(took);
      if (i < OPENS - 1) context.core.close();
    }
    return { open_list_ms: ms(median(samples)) };
  },
};

/** db_bytes_per_text_byte: database file (+WAL after a checkpoint) over the archive's UTF-8 text. */
export const sizeMeasurement: Measurement = {
  name: 'size',
  async run(context) {
    context.core.close();
    const file = path.join(context.dataDir, DATABASE_FILE);
    const bytes = fileSize(file) + fileSize(`${file}-wal`);
    context.core = context.reopen();
    return { db_bytes_per_text_byte: Math.round((bytes / context.textBytes) * 1000) / 1000 };
  },
};
