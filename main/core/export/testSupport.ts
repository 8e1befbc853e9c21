// Reports for the export tests and the benchmark: the sample reports of tests/fixtures/samples
// turned into documents (paragraphs; markers → headings via parseMarker, run-in when the heading
// has a sentence after it), and a long generated report with every element of a GB/T 9704 report.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import type { DocumentContent, SerializedNode } from '../../common/documentModel';
import { paragraphNode } from '../../common/documentModel';
import type { HeadingLevel } from '../../common/numbering';
import { parseMarker } from '../../common/numbering';
import { fieldParagraphNode, headingNode, roleBlockNode, runInParagraphNode } from '../../common/reportModel';
import { splitParagraphs } from '../../common/text';

/** Folder of the sample reports. */
export const samplesDir = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'samples');

/** A report to export: title and content. */
export interface TestReport {
  name: string;
  title: string;
  content: DocumentContent;
}

/** Wraps block nodes into a document. */
export function contentOf(children: SerializedNode[]): DocumentContent {
  return { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } };
}

/** Splits a marked heading line into heading sentence and body: "（一）高度重视。根据……" → run-in. */
function headingBlock(level: HeadingLevel, rest: string): SerializedNode {
  const end = rest.search(/[。！？]/u);
  if (end >= 0 && end < rest.length - 1) return runInParagraphNode(level, rest.slice(0, end + 1), rest.slice(end + 1));
  return headingNode(level, rest);
}

/**
 * A sample text as a document, the simple way: one paragraph per line, the first line the title,
 * a line opening with a marker (一、（一）1.（1） and variants) a heading of its level.
 */
export function sampleReport(name: string, text: string): TestReport {
  const lines = splitParagraphs(text);
  const title = lines.shift() ?? '';
  const children = lines.map((line) => {
    const marker = parseMarker(line);
    if (marker) return headingBlock(marker.level, line.slice(marker.length));
    return paragraphNode(line);
  });
  return { name, title, content: contentOf(children) };
}

/** Every sample report of tests/fixtures/samples as a document. */
export function sampleReports(): TestReport[] {
  return readdirSync(samplesDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => sampleReport(n, readFileSync(path.join(samplesDir, n), 'utf8')));
}

/** Sentences of the sample reports worth reusing (mostly Han, no web junk). */
function sampleSentences(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(samplesDir).filter((n) => n.endsWith('.txt')).sort()) {
    const raw = readFileSync(path.join(samplesDir, name), 'utf8').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/giu, '');
    for (const line of raw.split(/\r?\n/u)) {
      for (const piece of line.split(/(?<=[。！？；])/u)) {
        const s = piece.trim().replace(/^[一二三四五六七八九十]+是/u, '');
        const han = [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;
        // Mojibake of the web copy ("勇?lián)", private-use characters) is no writer's text.
        if (han >= 12 && han / [...s].length >= 0.7 && /[。；]$/u.test(s) && !parseMarker(s) && !/[?\uE000-\uF8FF]/u.test(s)) out.push(s);
      }
    }
  }
  return out;
}

/** A deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sectionNames = ['主要工作开展情况', '取得的主要成效', '存在的问题和不足', '下一步工作打算', '理论武装走深走实', '阵地建设和管理', '网络舆情引导', '队伍建设', '制度机制建设', '基层基础工作'];
const subNames = ['加强组织领导', '压实工作责任', '强化宣传引导', '创新工作载体', '健全工作机制', '抓好督促落实', '注重典型示范'];

/**
 * A long report with every element: a two-line title, 主送机关, 导语, level-1 to level-4 headings,
 * run-in headings, 一是/二是 enumerations, 结束语, 附件说明 with two items, 署名 and 成文日期.
 * About `chars` characters of text, deterministic for a seed.
 */
export function generatedReport(chars: number, seed = 20250701): TestReport {
  const sentences = sampleSentences();
  const next = random(seed);
  let deck: string[] = [];
  const sentence = (): string => {
    if (!deck.length) {
      deck = [...sentences];
      for (let i = deck.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [deck[i], deck[j]] = [deck[j] as string, deck[i] as string];
      }
    }
    return (deck.pop() as string).replace(/\d+/gu, (d) => (d.length === 4 && d.startsWith('20') ? d : String(1 + Math.floor(next() * 10 ** Math.min(d.length, 3)))));
  };
  const paragraph = (min: number, max: number): string => {
    const target = min + Math.floor(next() * (max - min));
    let p = '';
    while (p.length < target) p += sentence();
    return p;
  };
  let total = 0;
  const children: SerializedNode[] = [];
  const add = (node: SerializedNode, text: string): void => {
    children.push(node);
    total += text.length;
  };
  add(roleBlockNode('addressee', '市委宣传部'), '市委宣传部');
  const intro = `今年以来，我们坚持以新时代中国特色社会主义思想为指导，${paragraph(80, 160)}现将有关情况报告如下：`;
  add(fieldParagraphNode(intro), intro);
  let section = 0;
  while (total < chars - 400) {
    const name = sectionNames[section % sectionNames.length] as string;
    add(headingNode(1, name), name);
    section += 1;
    const subs = 2 + Math.floor(next() * 3);
    for (let s = 0; s < subs && total < chars - 400; s += 1) {
      const sub = subNames[(section + s) % subNames.length] as string;
      if (next() < 0.4) {
        const body = paragraph(120, 320);
        add(runInParagraphNode(2, `${sub}。`, body), sub + body);
      } else {
        add(headingNode(2, sub), sub);
        const paragraphs = 1 + Math.floor(next() * 3);
        for (let k = 0; k < paragraphs; k += 1) {
          const text = k === 0 && next() < 0.5 ? `一是${paragraph(60, 140)}二是${paragraph(60, 140)}三是${paragraph(40, 100)}` : paragraph(100, 400);
          add(fieldParagraphNode(text), text);
        }
        if (next() < 0.35) {
          for (let k = 1; k <= 2; k += 1) {
            const h3 = `${['落实', '完善', '推进'][k % 3]}${sub.slice(2)}措施`;
            add(headingNode(3, h3), h3);
            if (k === 1 && next() < 0.5) {
              const h4 = '明确任务分工';
              add(headingNode(4, h4), h4);
            }
            const text = paragraph(80, 260);
            add(fieldParagraphNode(text), text);
          }
        }
      }
    }
  }
  add(roleBlockNode('closing', '特此报告。'), '特此报告。');
  add(roleBlockNode('attachment', '附件：1.2025年上半年意识形态工作责任制落实情况统计表'), '');
  add(roleBlockNode('attachment', '2.网络意识形态阵地管理台账和舆情事件处置情况汇总表（含各县区、各部门报送材料）'), '');
  add(roleBlockNode('signature', '中共某某市委宣传部'), '');
  add(roleBlockNode('date', '2025年7月1日'), '');
  return { name: `generated-${chars}`, title: '关于2025年上半年全市意识形态工作责任制落实情况和下一步工作打算的报告', content: contentOf(children) };
}

/** The text parts of a .docx (a zip), by path: word/document.xml, word/styles.xml … */
export async function docxParts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const parts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return parts;
}
