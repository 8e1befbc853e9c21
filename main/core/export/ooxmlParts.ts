// The three package parts the docx library gets wrong for GB/T 9704 documents, written from the
// profile and handed to Packer as overrides: styles.xml (its headings are blue "Heading N", it
// drops characterSpacing 0, and it cannot turn off widow control, hanging punctuation or the
// Asian/Latin auto-spacing), fontTable.xml (written empty; we add w:altName fallbacks) and
// settings.xml (even/odd footers, no punctuation compression, Chinese theme language).
import type { FontPair, FormatProfile } from '../../common/formatProfile';
import { fontFallbacks, profileTwips, ptToTwips } from '../../common/formatProfile';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Escapes text for an XML attribute value. */
export function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A paragraph style for one placement of a role (主送机关, 附件说明, 署名, 成文日期), computed per document. */
export interface RoleStyle {
  id: string;
  /** The name Word shows (主送机关). */
  name: string;
  align: 'both' | 'center' | 'left' | 'right';
  /** Indents in twips; firstLine negative for a hanging indent. */
  left: number;
  right: number;
  firstLine: number;
  keepNext: boolean;
  /** Font and size when they differ from the body's (主送机关 has its own in the profile). */
  font?: FontPair;
  sizePt?: number;
}

/**
 * w:ind for a role style: twips for LibreOffice, and the first-line indent in characters too,
 * because Word prefers the Chars form and would otherwise keep Normal's 2 characters. Left and
 * right stay in twips only (nothing above sets them in characters).
 */
function roleIndent(style: RoleStyle, charTwips: number): string {
  const chars = Math.round((Math.abs(style.firstLine) / charTwips) * 100);
  const first = style.firstLine < 0 ? `w:hanging="${-style.firstLine}" w:hangingChars="${chars}"` : `w:firstLine="${style.firstLine}" w:firstLineChars="${chars}"`;
  return `<w:ind w:left="${style.left}" w:right="${style.right}" ${first}/>`;
}

/** w:rFonts for a font pair: East Asian text in eastAsia, Latin letters and digits in ascii. */
function rFonts(font: FontPair): string {
  const a = xmlAttr(font.ascii);
  return `<w:rFonts w:ascii="${a}" w:eastAsia="${xmlAttr(font.eastAsia)}" w:hAnsi="${a}" w:cs="${a}"/>`;
}

/** w:sz and w:szCs for a size in points. */
function size(pt: number): string {
  const half = Math.round(pt * 2);
  return `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`;
}

/** Bold, italic and colour written explicitly, so nothing is inherited from Word's built-in heading looks. */
function weight(bold: boolean): string {
  const v = bold ? '1' : '0';
  return `<w:b w:val="${v}"/><w:bCs w:val="${v}"/><w:i w:val="0"/><w:iCs w:val="0"/><w:color w:val="000000"/>`;
}

/** Exact line spacing with no space before or after. */
function exactSpacing(twips: number): string {
  return `<w:spacing w:before="0" w:after="0" w:line="${twips}" w:lineRule="exact"/>`;
}

/**
 * styles.xml: Normal carries the body format (size, condensing, 2-character indent written both
 * ways, exact pitch, justified, no widow control (every page fills its 22 lines), forbidden
 * line-start characters on; hanging punctuation and Asian/Latin auto-spacing are left at Word's
 * defaults, which LibreOffice applies too); Heading1..4 are the built-ins
 * by name ("heading 1"), black, bold/italic explicitly set, with outline levels 0..3; Title is
 * centred without indent; Footer is not based on Normal so it inherits neither condensing nor indent.
 */
export function stylesXml(p: FormatProfile, roleStyles: readonly RoleStyle[] = []): string {
  const t = profileTwips(p);
  const bodyLine = t.bodyLine;
  const indentTwips = Math.round(p.body.firstLineIndentChars * ptToTwips(p.body.sizePt));
  const indentChars = Math.round(p.body.firstLineIndentChars * 100);
  const pageSize = ptToTwips(p.pageNumber.sizePt);
  const pageIndent = Math.round(p.pageNumber.indentChars * pageSize);
  const pageIndentChars = Math.round(p.pageNumber.indentChars * 100);
  // The page number, one character in from the outer edge: right on odd pages (Footer), left
  // on even pages (FooterEven); or centred. Neither is based on Normal.
  const footer = (id: string, name: string, side: 'right' | 'left' | 'center'): string => {
    const ind =
      side === 'center'
        ? '<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/>'
        : side === 'right'
          ? `<w:ind w:left="0" w:right="${pageIndent}" w:rightChars="${pageIndentChars}" w:firstLine="0" w:firstLineChars="0"/>`
          : `<w:ind w:left="${pageIndent}" w:leftChars="${pageIndentChars}" w:right="0" w:firstLine="0" w:firstLineChars="0"/>`;
    return (
      `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>` +
      `<w:pPr><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>${exactSpacing(pageSize)}${ind}<w:jc w:val="${side}"/></w:pPr>` +
      `<w:rPr>${rFonts(p.pageNumber.font)}<w:b w:val="0"/><w:bCs w:val="0"/><w:spacing w:val="0"/>${size(p.pageNumber.sizePt)}</w:rPr></w:style>`
    );
  };
  const heading = (level: 1 | 2 | 3 | 4): string => {
    const h = p.headings[level - 1] ?? p.headings[0];
    return (
      `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
      `<w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>` +
      `<w:pPr><w:keepNext/><w:keepLines/>${exactSpacing(bodyLine)}<w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
      `<w:rPr>${rFonts(h.font)}${weight(h.bold)}${size(h.sizePt)}</w:rPr></w:style>`
    );
  };
  return (
    XML_HEAD +
    `<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(p.body.font)}${size(p.body.sizePt)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${exactSpacing(bodyLine)}</w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:widowControl w:val="0"/><w:kinsoku/>` +
    `${exactSpacing(bodyLine)}<w:ind w:firstLine="${indentTwips}" w:firstLineChars="${indentChars}"/><w:jc w:val="both"/></w:pPr>` +
    `<w:rPr>${rFonts(p.body.font)}<w:spacing w:val="${ptToTwips(p.body.characterSpacingPt)}"/>${size(p.body.sizePt)}</w:rPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:keepLines/>${exactSpacing(ptToTwips(p.title.lineSpacingPt))}<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>` +
    `<w:rPr>${rFonts(p.title.font)}${weight(p.title.bold)}<w:spacing w:val="0"/>${size(p.title.sizePt)}</w:rPr></w:style>` +
    heading(1) +
    heading(2) +
    heading(3) +
    heading(4) +
    roleStyles
      .map(
        (r) =>
          `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${xmlAttr(r.id)}"><w:name w:val="${xmlAttr(r.name)}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
          `<w:pPr>${r.keepNext ? '<w:keepNext/>' : ''}${roleIndent(r, ptToTwips(p.body.sizePt))}<w:jc w:val="${r.align}"/></w:pPr>` +
          (r.font || r.sizePt ? `<w:rPr>${r.font ? rFonts(r.font) : ''}${r.sizePt ? size(r.sizePt) : ''}</w:rPr>` : '') +
          `</w:style>`,
      )
      .join('') +
    (p.pageNumber.placement === 'outside' ? footer('Footer', 'footer', 'right') + footer('FooterEven', '页码（偶数页）', 'left') : footer('Footer', 'footer', 'center')) +
    `</w:styles>`
  );
}

/** Every font name a profile uses. */
export function profileFonts(p: FormatProfile): string[] {
  const pairs = [p.body.font, p.title.font, p.addressee.font, p.pageNumber.font, ...p.headings.map((h) => h.font)];
  return [...new Set(pairs.flatMap((f) => [f.eastAsia, f.ascii]))];
}

/** True when a font name is a Chinese font (its table entry gets the GB2312 charset). */
function isChineseFont(name: string): boolean {
  return /[\u4e00-\u9fff]/u.test(name) || /^(SimSun|SimHei|FangSong|KaiTi|NSimSun|Microsoft YaHei|STSong|STFangsong|STKaiti)/iu.test(name);
}

/**
 * fontTable.xml: each font the profile uses, with w:altName naming what Word should use where it
 * is missing (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体) and the GB2312 charset.
 */
export function fontTableXml(p: FormatProfile): string {
  const entries = profileFonts(p).map((name) => {
    const alt = fontFallbacks[name];
    const chinese = isChineseFont(name);
    return (
      `<w:font w:name="${xmlAttr(name)}">` +
      (alt ? `<w:altName w:val="${xmlAttr(alt)}"/>` : '') +
      (name === 'Times New Roman' ? '<w:panose1 w:val="02020603050405020304"/>' : '') +
      `<w:charset w:val="${chinese ? '86' : '00'}"/><w:family w:val="${chinese ? 'auto' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`
    );
  });
  return XML_HEAD + `<w:fonts xmlns:w="${W_NS}">${entries.join('')}</w:fonts>`;
}

/** settings.xml: even/odd footers (page numbers outside), no punctuation compression, zh-CN theme language. */
export function settingsXml(p: FormatProfile, defaultTabStop: number): string {
  return (
    XML_HEAD +
    `<w:settings xmlns:w="${W_NS}">` +
    `<w:zoom w:percent="100"/><w:defaultTabStop w:val="${defaultTabStop}"/>` +
    (p.pageNumber.placement === 'outside' ? '<w:evenAndOddHeaders/>' : '') +
    `<w:characterSpacingControl w:val="doNotCompress"/>` +
    `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
    `<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>` +
    `</w:settings>`
  );
}
