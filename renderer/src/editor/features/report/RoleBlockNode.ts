// wg-block: a report's special block with a role — 主送机关 (flush left), 结束语, 附件说明
// (indented), 署名 and 成文日期 (right-aligned) — laid out by role in page.css as the export does.
// Serializes exactly to SerializedRoleBlockNode of @common/reportModel.
import { $applyNodeReplacement, $createParagraphNode, $getDocument, ElementNode } from 'lexical';
import type { EditorConfig, LexicalNode, LexicalUpdateJSON, NodeKey, RangeSelection, SerializedElementNode, Spread } from 'lexical';
import type { BlockRole } from '@common/reportModel';
import { blockRoles } from '@common/reportModel';

/** The JSON of a wg-block (the shape of reportModel's SerializedRoleBlockNode). */
export type SerializedWgRoleBlockNode = Spread<{ type: 'wg-block'; version: 1; role: BlockRole }, Omit<SerializedElementNode, 'textFormat' | 'textStyle'>>;

/** Reads a role, defaulting to closing (plain body layout). */
function toRole(value: unknown): BlockRole {
  return typeof value === 'string' && (blockRoles as readonly string[]).includes(value) ? (value as BlockRole) : 'closing';
}

/** A block with a role. */
export class RoleBlockNode extends ElementNode {
  /** @internal */
  __role: BlockRole;

  static override getType(): string {
    return 'wg-block';
  }

  static override clone(node: RoleBlockNode): RoleBlockNode {
    return new RoleBlockNode(node.__role, node.__key);
  }

  constructor(role: BlockRole = 'closing', key?: NodeKey) {
    super(key);
    this.__role = role;
  }

  static override importJSON(json: SerializedWgRoleBlockNode): RoleBlockNode {
    return $createRoleBlockNode(toRole(json.role)).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedWgRoleBlockNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.__role = toRole(json.role);
    return node;
  }

  override exportJSON(): SerializedWgRoleBlockNode {
    const base = super.exportJSON();
    return { type: 'wg-block', version: 1, role: this.getLatest().__role, children: base.children, direction: base.direction, format: base.format, indent: base.indent };
  }

  /** The block's role. */
  getRole(): BlockRole {
    return this.getLatest().__role;
  }

  /** Sets the block's role. */
  setRole(role: BlockRole): this {
    const self = this.getWritable();
    self.__role = role;
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('p');
    const theme = config.theme as { wgRole?: string };
    element.className = `${theme.wgRole ?? 'pg-role'} pg-role-${this.__role}`;
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__role !== this.__role) {
      const theme = config.theme as { wgRole?: string };
      dom.className = `${theme.wgRole ?? 'pg-role'} pg-role-${this.__role}`;
    }
    return false;
  }

  /** Enter at the end starts a body paragraph (署名 → 成文日期 is one click away); elsewhere it splits. */
  override insertNewAfter(selection?: RangeSelection, restoreSelection = true): ElementNode {
    const anchor = selection?.anchor;
    const last = this.getLastDescendant();
    const atEnd = !anchor || !last || (anchor.key === last.getKey() && anchor.offset === last.getTextContentSize()) || (anchor.key === this.getKey() && anchor.offset === this.getChildrenSize());
    const next = atEnd ? $createParagraphNode() : $createRoleBlockNode(this.getRole());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  /** Backspace at the start makes it an ordinary paragraph. */
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    this.getChildren().forEach((child) => paragraph.append(child));
    this.replace(paragraph);
    paragraph.selectStart();
    return true;
  }
}

/** Creates a role block. */
export function $createRoleBlockNode(role: BlockRole): RoleBlockNode {
  return $applyNodeReplacement(new RoleBlockNode(role));
}

/** True for a wg-block node. */
export function $isRoleBlockNode(node: LexicalNode | null | undefined): node is RoleBlockNode {
  return node instanceof RoleBlockNode;
}
