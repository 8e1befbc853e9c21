// Fixture generators for the import tests and the benchmark: .docx files built with the docx
// package (headings as styles, as bold lines, as plain markers; a table, a footnote, an image), a
// long report of a given page count, and hostile files built byte by byte (zip bombs honest and
// lying, too many entries, truncated zips, OLE compound files like .doc and encrypted .docx).
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel as DocxHeading,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/** A 1×1 transparent PNG. */
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Body text of the fixtures. */
const body = {
  opening: '今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制。现将有关情况报告如下：',
  work: '局党组把意识形态工作纳入重要议事日程，每季度专题研究一次，全年召开党组会议研究意识形态工作4次。',
  results: '全年开展专题学习12次，组织宣讲30余场，覆盖干部职工1200人次。',
  problems: '个别干部对意识形态工作的重要性认识不足，网络阵地管理还有薄弱环节。',
  plan: '下一步，我们将持续压实责任，加强阵地管理，提升队伍能力。',
};

/** A report whose headings carry Word heading styles, with a Title, 署名 and 成文日期. */
export async function styledHeadingsDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: DocxHeading.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun('某某局2025年意识形态工作情况报告')] }),
          new Paragraph(body.opening),
          new Paragraph({ heading: DocxHeading.HEADING_1, children: [new TextRun('一、主要工作及成效')] }),
          new Paragraph({ heading: DocxHeading.HEADING_2, children: [new TextRun('(一)高度重视，专题研究部署')] }),
          new Paragraph(body.work),
          new Paragraph({ heading: DocxHeading.HEADING_2, children: [new TextRun('加强理论武装')] }),
          new Paragraph(body.results),
          new Paragraph({ heading: DocxHeading.HEADING_1, children: [new TextRun('二、存在的问题')] }),
          new Paragraph(body.problems),
          new Paragraph({ heading: DocxHeading.HEADING_1, children: [new TextRun('三、下一步工作打算')] }),
          new Paragraph(body.plan),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('某某市某某局')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2025年7月1日')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A report laid out as Word users do, with nothing typed that marks its structure: a 附件 line, then
 * a centred title (no Title style), headings numbered by Word's automatic list numbering (w:numPr: chineseCounting
 * "%1、" at level 1, "（%2）" at level 2, decimal "%3." at level 3, so the numbers are not in the
 * text), and a right-aligned 署名 naming two units above a centred 成文日期.
 */
export async function layoutOnlyDocx(): Promise<Buffer> {
  const numbered = (level: 0 | 1 | 2, text: string): Paragraph => new Paragraph({ numbering: { reference: 'report', level }, children: [new TextRun(text)] });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'report',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('附件1'),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '某某局2025年上半年工作总结', size: 44 })] }),
          new Paragraph(body.opening),
          numbered(0, '主要工作及成效'),
          numbered(1, '高度重视，专题研究部署'),
          new Paragraph(body.work),
          numbered(2, '建立工作台账'),
          new Paragraph(body.results),
          numbered(2, '定期调度推进'),
          numbered(1, '加强理论武装'),
          new Paragraph('组织专题读书班2期，班子成员撰写心得体会16篇。'),
          numbered(0, '存在的问题'),
          new Paragraph(body.problems),
          numbered(0, '下半年工作打算'),
          new Paragraph(body.plan),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('中共某某局党组、某某局')] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('2025年7月1日')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A report whose headings are bold lines with markers, a run-in heading with a bold lead, and a plain title line. */
export async function boldHeadingsDocx(): Promise<Buffer> {
  const bold = (text: string): Paragraph => new Paragraph({ children: [new TextRun({ text, bold: true })] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '某某局2025年上半年工作总结', bold: true, size: 44 })] }),
          new Paragraph(body.opening),
          bold('一、基本情况'),
          new Paragraph({ children: [new TextRun({ text: '（一）高度重视。', bold: true }), new TextRun(body.work)] }),
          // A bold heading whose number breaks the sequence (一 again): bold keeps it a heading.
          new Paragraph({ children: [new TextRun({ text: '（一）强化宣传。', bold: true }), new TextRun(body.results)] }),
          // The same line not bold is body text.
          new Paragraph(`（一）强化宣传。${body.results}`),
          bold('二、下半年工作打算'),
          new Paragraph(body.plan),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A report with plain marker headings (variants included), a table, a footnote and an image. */
export async function plainMarkersDocx(): Promise<Buffer> {
  const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('数据来源：局办公室统计。')] } },
    sections: [
      {
        children: [
          new Paragraph('关于2025年上半年工作情况的报告'),
          new Paragraph(body.opening),
          new Paragraph('一、工作开展情况'),
          new Paragraph({ children: [new TextRun(`(一)压实责任。${body.work}`), new FootnoteReferenceRun(1)] }),
          new Paragraph(`(二)创新载体。${body.results}`),
          new Table({ rows: [new TableRow({ children: [cell('指标'), cell('完成数')] }), new TableRow({ children: [cell('专题学习'), cell('12次')] })] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: tinyPng, transformation: { width: 10, height: 10 } })] }),
          new Paragraph('二、存在的不足'),
          new Paragraph(body.problems),
          new Paragraph('三、下一步打算'),
          new Paragraph(body.plan),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A report whose title is a lone Heading 1 and whose sections are Heading 2 (moved up one level). */
export async function headingOneTitleDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: DocxHeading.HEADING_1, children: [new TextRun('2025年述职报告')] }),
          new Paragraph(body.opening),
          new Paragraph({ heading: DocxHeading.HEADING_2, children: [new TextRun('履职情况')] }),
          new Paragraph(body.work),
          new Paragraph({ heading: DocxHeading.HEADING_2, children: [new TextRun('存在的不足')] }),
          new Paragraph(body.problems),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A long report of about `pages` A4 pages (≈ 700 characters a page): level-1 sections with
 * styled headings, level-2 run-in headings in bold, body paragraphs from `sentences`, a table.
 */
export async function longReportDocx(pages: number, sentences: readonly string[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: DocxHeading.TITLE, children: [new TextRun('某某市2025年工作总结')] }), new Paragraph(body.opening)];
  let chars = 0;
  let s = 0;
  const next = (): string => sentences[s++ % sentences.length] ?? '';
  for (let section = 1; chars < pages * 700; section += 1) {
    children.push(new Paragraph({ heading: DocxHeading.HEADING_1, children: [new TextRun(`${chineseNumber(section)}、第${section}部分工作情况`)] }));
    for (let sub = 1; sub <= 4; sub += 1) {
      const text = `${next()}${next()}${next()}${next()}`;
      children.push(new Paragraph({ children: [new TextRun({ text: `（${chineseNumber(sub)}）抓好第${sub}项重点工作。`, bold: true }), new TextRun(text)] }));
      for (let p = 0; p < 3; p += 1) {
        const para = `${next()}${next()}${next()}${next()}${next()}`;
        children.push(new Paragraph(para));
        chars += para.length;
      }
      chars += text.length;
    }
    if (section % 5 === 0) {
      const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });
      children.push(new Table({ rows: [1, 2, 3].map((r) => new TableRow({ children: [cell(`指标${r}`), cell(`${r * 12}项`), cell('完成')] })) }));
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Chinese numerals 1–99 for the generated headings. */
function chineseNumber(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${digits[n % 10]}`;
}

/** One entry of a hand-built zip. */
export interface ZipEntrySpec {
  name: string;
  /** Deflated bytes (method 8) or stored bytes (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size written into the headers (a lie when it differs from the truth). */
  declaredSize: number;
  /** The compressed size written into the headers (defaults to data.length). */
  declaredCompressed?: number;
}

/** A deflated entry of real content. */
export function deflatedEntry(name: string, content: string | Uint8Array): ZipEntrySpec {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), declaredSize: raw.length };
}

/** Writes a zip file (no zip64, no data descriptors) from entries, sizes as declared. */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = entry.declaredCompressed ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(compressed >>> 0, 18);
    local.writeUInt32LE(entry.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(compressed >>> 0, 20);
    central.writeUInt32LE(entry.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The small parts every .docx has, around a given document.xml entry. */
function docxAround(documentEntry: ZipEntrySpec): ZipEntrySpec[] {
  return [
    deflatedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflatedEntry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    documentEntry,
  ];
}

/** Deflates `bytes` of spaces in 1 MB chunks (never holding them all) for a zip bomb. */
async function deflatedSpaces(bytes: number): Promise<{ data: Buffer; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', () => resolve());
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let left = bytes; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc };
}

/** A zip bomb told honestly: document.xml is `megabytes` MB of spaces (300 MB deflates to ≈ 300 KB). */
export async function honestZipBomb(megabytes = 300): Promise<Buffer> {
  const { data, crc } = await deflatedSpaces(megabytes * 1024 * 1024);
  return buildZip(docxAround({ name: 'word/document.xml', data, method: 8, crc, declaredSize: megabytes * 1024 * 1024 }));
}

/** A zip bomb that lies: document.xml declares 2 KB but inflates to `megabytes` MB. */
export async function lyingZipBomb(megabytes = 64): Promise<Buffer> {
  const { data, crc } = await deflatedSpaces(megabytes * 1024 * 1024);
  return buildZip(docxAround({ name: 'word/document.xml', data, method: 8, crc, declaredSize: 2048 }));
}

/** A small zip whose headers declare a 3 GB document.xml (a patched size). */
export function declaredHugeDocx(): Buffer {
  const real = deflatedEntry('word/document.xml', '<w:document/>');
  return buildZip(docxAround({ ...real, declaredSize: 3_000_000_000 }));
}

/** A zip declaring 250 MB spread over entries of ordinary ratio (compressed sizes patched too). */
export function declaredLargeDocx(): Buffer {
  const media = Array.from({ length: 5 }, (_, i) => ({ ...deflatedEntry(`word/media/image${i}.png`, tinyPng), declaredSize: 50 * 1024 * 1024, declaredCompressed: 5 * 1024 * 1024 }));
  return buildZip([...docxAround(deflatedEntry('word/document.xml', '<w:document/>')), ...media]);
}

/**
 * A hostile .docx that passes every zip check (ordinary ratio, XML under the caps) but makes
 * mammoth build millions of nodes: `megabytes` MB of distinct tiny runs. The worker's heap cap
 * has to stop it.
 */
export function mammothHeavyDocx(megabytes = 11.5): Buffer {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>';
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < megabytes * 1024 * 1024 - 64; i += 1) {
    const run = `<w:r><w:t>${((i * 2654435761) >>> 0).toString(36)}</w:t></w:r>`;
    parts.push(run);
    size += run.length;
  }
  parts.push('</w:p></w:body></w:document>');
  return buildZip(docxAround(deflatedEntry('word/document.xml', parts.join(''))));
}

/** A zip with more entries than any Word document has. */
export function manyEntriesZip(entries: number): Buffer {
  const list = Array.from({ length: entries }, (_, i) => deflatedEntry(`word/media/x${i}.bin`, 'x'));
  return buildZip([...docxAround(deflatedEntry('word/document.xml', '<w:document/>')), ...list]);
}

/** A zip with no word/document.xml (a renamed .xlsx, say). */
export function zipWithoutDocument(): Buffer {
  return buildZip([deflatedEntry('[Content_Types].xml', '<Types/>'), deflatedEntry('xl/workbook.xml', '<workbook/>')]);
}

/** A zip whose document.xml is not XML. */
export function brokenXmlDocx(): Buffer {
  return buildZip(docxAround(deflatedEntry('word/document.xml', '<w:document><w:body><w:p>未闭合')));
}

/** The first bytes of an OLE compound file (legacy .doc/.wps, or an encrypted .docx), padded. */
export function oleFile(): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([head, Buffer.alloc(4096, 0)]);
}

/** Bytes that are nothing in particular (seeded, so the test is repeatable). */
export function randomBytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >>> 16;
  }
  return out;
}
