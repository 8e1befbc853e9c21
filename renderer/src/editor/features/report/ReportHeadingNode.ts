// wg-heading: a report heading block of level 1–4 (一、 （一） 1. （1）), stored without its
// marker — the number is computed from position (numberingView.ts) and shown with CSS. Level 1
// carries the section kind of the four-part scaffold; a template may add a placeholder hint and
// a length target. Serializes exactly to SerializedReportHeadingNode of @common/reportModel.
import { $applyNodeReplacement, $createParagraphNode, $getDocument } from 'lexical';
import type { ElementNode } from 'lexical';
import type { DOMExportOutput, EditorConfig, LexicalEditor, LexicalNode, LexicalUpdateJSON, NodeKey, RangeSelection, SerializedElementNode, Spread } from 'lexical';
import type { HeadingLevel } from '@common/numbering';
import type { SectionKind } from '@common/reportModel';
import { LevelledElementNode, toLevel } from './LevelledElementNode';
import { $numberOf } from './numbers';

/** The JSON of a wg-heading (the shape of reportModel's SerializedReportHeadingNode). */
export type SerializedWgHeadingNode = Spread<
  { type: 'wg-heading'; version: 1; level: HeadingLevel; kind: SectionKind | null; hint?: string; target?: number },
  Omit<SerializedElementNode, 'textFormat' | 'textStyle'>
>;

export { toKind, toLevel } from './LevelledElementNode';

/** A report heading block. */
export class ReportHeadingNode extends LevelledElementNode {
  /** @internal */
  __hint: string | null;
  /** @internal */
  __target: number | null;

  static override getType(): string {
    return 'wg-heading';
  }

  static override clone(node: ReportHeadingNode): ReportHeadingNode {
    return new ReportHeadingNode(node.__level, node.__kind, node.__hint, node.__target, node.__key);
  }

  constructor(level: HeadingLevel = 1, kind: SectionKind | null = null, hint: string | null = null, target: number | null = null, key?: NodeKey) {
    super(level, kind, key);
    this.__hint = hint;
    this.__target = target;
  }

  static override importJSON(json: SerializedWgHeadingNode): ReportHeadingNode {
    return $createReportHeadingNode(toLevel(json.level)).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedWgHeadingNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.readLevelJSON(json);
    node.__hint = typeof json.hint === 'string' && json.hint ? json.hint : null;
    node.__target = typeof json.target === 'number' && Number.isInteger(json.target) && json.target > 0 ? json.target : null;
    return node;
  }

  override exportJSON(): SerializedWgHeadingNode {
    const base = super.exportJSON();
    const self = this.getLatest();
    return {
      type: 'wg-heading',
      version: 1,
      ...this.levelJSON(),
      ...(self.__hint ? { hint: self.__hint } : {}),
      ...(self.__target ? { target: self.__target } : {}),
      children: base.children,
      direction: base.direction,
      format: base.format,
      indent: base.indent,
    };
  }

  /** The writing hint shown while the section is empty (from the template), or null. */
  getHint(): string | null {
    return this.getLatest().__hint;
  }

  /** The suggested maximum characters of the section, or null. */
  getTarget(): number | null {
    return this.getLatest().__target;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement(`h${this.__level}`);
    const theme = config.theme as { wgHeading?: string };
    element.className = `${theme.wgHeading ?? 'pg-heading'} pg-h${this.__level}`;
    return element;
  }

  override updateDOM(prevNode: this): boolean {
    return prevNode.__level !== this.__level;
  }

  /** Copies as an HTML heading with its number written out, as Word needs it. */
  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const { element } = super.exportDOM(editor);
    if (element instanceof HTMLElement) {
      element.className = '';
      element.prepend($getDocument().createTextNode($numberOf(this)));
    }
    return { element };
  }

  /**
   * Enter at the end starts a body paragraph; in the middle it splits the heading; at the very
   * start an empty body paragraph goes above and the heading (with its kind, hint and target)
   * moves down, as Lexical's own heading does.
   */
  override insertNewAfter(selection?: RangeSelection, restoreSelection = true): ElementNode {
    const self = this.getLatest();
    const anchor = selection?.anchor;
    const last = this.getLastDescendant();
    const atEnd =
      !anchor || !last || (anchor.key === last.getKey() && anchor.offset === last.getTextContentSize()) || (anchor.key === this.getKey() && anchor.offset === this.getChildrenSize());
    const atStart = !atEnd && anchor !== undefined && anchor.offset === 0 && (anchor.key === this.getKey() || anchor.key === this.getFirstDescendant()?.getKey());
    const next = atEnd
      ? $createParagraphNode()
      : atStart
        ? $createReportHeadingNode(self.__level, self.__kind, self.__hint, self.__target)
        : $createReportHeadingNode(self.__level);
    this.insertAfter(next, restoreSelection);
    if (atStart) {
      // insertParagraph moves every child into `next`; what stays here is an empty body paragraph.
      const paragraph = $createParagraphNode();
      paragraph.select();
      this.replace(paragraph, true);
    }
    return next;
  }

  /** Backspace at the start turns the heading into body text (its number goes), as in Word. */
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    this.getChildren().forEach((child) => paragraph.append(child));
    this.replace(paragraph);
    paragraph.selectStart();
    return true;
  }

  override extractWithChild(): boolean {
    return true;
  }
}

/** Creates a report heading (text is appended by the caller). */
export function $createReportHeadingNode(level: HeadingLevel = 1, kind: SectionKind | null = null, hint: string | null = null, target: number | null = null): ReportHeadingNode {
  return $applyNodeReplacement(new ReportHeadingNode(level, kind, hint, target));
}

/** True for a wg-heading node. */
export function $isReportHeadingNode(node: LexicalNode | null | undefined): node is ReportHeadingNode {
  return node instanceof ReportHeadingNode;
}
