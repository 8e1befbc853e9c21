// wg-runin: the heading sentence of a run-in heading — "（一）高度重视，专题研究部署。根据……" is one
// paragraph whose first child is this inline element holding "高度重视，专题研究部署。"; the rest of
// the paragraph is body text. Numbered like a heading (numberingView.ts), shown in its level's
// font. Serializes exactly to SerializedRunInNode of @common/reportModel.
import { $applyNodeReplacement, $getDocument, $isParagraphNode } from 'lexical';
import type { BaseSelection, DOMExportOutput, EditorConfig, LexicalEditor, LexicalNode, LexicalUpdateJSON, NodeKey, SerializedElementNode, Spread } from 'lexical';
import type { HeadingLevel } from '@common/numbering';
import type { SectionKind } from '@common/reportModel';
import { $numberOf } from './numbers';
import { LevelledElementNode, toLevel } from './LevelledElementNode';

/** The JSON of a wg-runin (the shape of reportModel's SerializedRunInNode). */
export type SerializedWgRunInNode = Spread<
  { type: 'wg-runin'; version: 1; level: HeadingLevel; kind: SectionKind | null },
  Omit<SerializedElementNode, 'textFormat' | 'textStyle'>
>;

/** The heading sentence of a run-in heading. */
export class RunInNode extends LevelledElementNode {
  static override getType(): string {
    return 'wg-runin';
  }

  static override clone(node: RunInNode): RunInNode {
    return new RunInNode(node.__level, node.__kind, node.__key);
  }

  constructor(level: HeadingLevel = 2, kind: SectionKind | null = null, key?: NodeKey) {
    super(level, kind, key);
  }

  static override importJSON(json: SerializedWgRunInNode): RunInNode {
    return $createRunInNode(toLevel(json.level)).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedWgRunInNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.readLevelJSON(json);
    return node;
  }

  override exportJSON(): SerializedWgRunInNode {
    const base = super.exportJSON();
    return {
      type: 'wg-runin',
      version: 1,
      ...this.levelJSON(),
      children: base.children,
      direction: base.direction,
      format: base.format,
      indent: base.indent,
    };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('span');
    const theme = config.theme as { wgRunIn?: string };
    element.className = `${theme.wgRunIn ?? 'pg-runin'} pg-runin-${this.__level}`;
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__level !== this.__level) {
      const theme = config.theme as { wgRunIn?: string };
      dom.className = `${theme.wgRunIn ?? 'pg-runin'} pg-runin-${this.__level}`;
    }
    return false;
  }

  /** Copies with its number written out (Word has no numbering of its own here). */
  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const { element } = super.exportDOM(editor);
    if (element instanceof HTMLElement) {
      element.className = '';
      element.prepend($getDocument().createTextNode($numberOf(this)));
    }
    return { element };
  }

  override isInline(): true {
    return true;
  }

  /** Typing at the paragraph's start extends the heading sentence. */
  override canInsertTextBefore(): boolean {
    return true;
  }

  /** Typing right after the sentence's 。 goes to the body, not into the heading. */
  override canInsertTextAfter(): false {
    return false;
  }

  override canBeEmpty(): false {
    return false;
  }

  override extractWithChild(_child: LexicalNode, selection: BaseSelection, destination: 'clone' | 'html'): boolean {
    return destination === 'html' && selection.getTextContent().length > 0;
  }
}

/** Creates a run-in heading sentence element (text is appended by the caller). */
export function $createRunInNode(level: HeadingLevel = 2, kind: SectionKind | null = null): RunInNode {
  return $applyNodeReplacement(new RunInNode(level, kind));
}

/** True for a wg-runin node. */
export function $isRunInNode(node: LexicalNode | null | undefined): node is RunInNode {
  return node instanceof RunInNode;
}

/**
 * Keeps run-in headings well formed (a node transform): a wg-runin is only ever the first child
 * of a top-level paragraph; anywhere else its text is released into the surrounding text.
 */
export function $normalizeRunIn(node: RunInNode): void {
  const parent = node.getParent();
  if ($isParagraphNode(parent) && parent.getFirstChild()?.is(node) && parent.getParent()?.getKey() === 'root') return;
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}
