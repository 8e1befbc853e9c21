// A realistic archive for the benchmark: documents assembled from the sentences of the sample
// reports in tests/fixtures/samples, shuffled by a seeded PRNG with numbers varied, so the
// vocabulary (and therefore the search index's posting lists) looks like real office writing
// rather than random characters.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { hanPattern } from '../main/common/text';

/** A deterministic PRNG (mulberry32): the same seed always gives the same archive. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits the sample reports into sentences worth reusing (mostly Chinese, at least 8 Han characters). */
export function loadSentences(samplesDir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(samplesDir).filter((n) => n.endsWith('.txt')).sort()) {
    const raw = readFileSync(path.join(samplesDir, name), 'utf8')
      // The web copy carries pinyin after some characters, e.g. 強(qiáng); a writer would not keep it.
      .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/giu, '');
    for (const line of raw.split(/\r?\n/)) {
      for (const piece of line.split(/(?<=[。！？；])/u)) {
        const sentence = piece.trim();
        const chars = [...sentence];
        const han = chars.filter((c) => hanPattern.test(c)).length;
        if (han >= 8 && han / chars.length >= 0.6) out.push(sentence);
      }
    }
  }
  return out;
}

const topics = ['意识形态工作', '宣传思想工作', '理论学习', '网络舆情引导', '基层组织建设', '主题教育', '干部队伍建设', '社会服务', '文化建设', '安全生产', '信息化建设', '政务公开'];
const kinds = ['工作总结', '情况报告', '述职报告', '工作计划', '调研报告', '经验材料'];
const periods = ['上半年', '下半年', '第一季度', '第三季度', '全年'];

/** One generated document: a title and its paragraphs. */
export interface GeneratedDocument {
  title: string;
  paragraphs: string[];
}

/** Builds documents of about `chars` characters each from the sample sentences. */
export function createCorpus(samplesDir: string, seed = 20250601): (chars: number) => GeneratedDocument {
  const sentences = loadSentences(samplesDir);
  if (sentences.length === 0) throw new Error(`${samplesDir} 中没有可用的样例句子`);
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let deck: string[] = [];
  const nextSentence = (): string => {
    if (deck.length === 0) {
      deck = [...sentences];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [deck[i], deck[j]] = [deck[j] as string, deck[i] as string];
      }
    }
    // Vary every number so documents differ the way real reports do (years stay plausible).
    return (deck.pop() as string).replace(/\d+/g, (digits) =>
      digits.length === 4 && digits.startsWith('20')
        ? String(2015 + Math.floor(random() * 11))
        : String(Math.floor(random() * 10 ** digits.length)).padStart(Math.min(digits.length, 1), '0'),
    );
  };
  return (chars) => {
    const year = 2015 + Math.floor(random() * 11);
    const title = `${year}年${pick(periods)}${pick(topics)}${pick(kinds)}`;
    const paragraphs: string[] = [];
    let total = 0;
    while (total < chars) {
      const count = 2 + Math.floor(random() * 4);
      let paragraph = '';
      for (let i = 0; i < count && total + paragraph.length < chars; i++) paragraph += nextSentence();
      const room = chars - total;
      if (paragraph.length > room) paragraph = [...paragraph].slice(0, room).join('');
      paragraphs.push(paragraph);
      total += paragraph.length;
    }
    return { title, paragraphs };
  };
}
