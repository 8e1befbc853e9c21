// wg-field: a fill-in field ({{单位}}) inside text. An inline decorator: it is one unit (never
// edited character by character), shows the document's value — or, unfilled, a highlighted
// {{name}} chip — and reads as its value in plain text and copies. Filling a field re-renders
// every chip at once from context; the editor state never changes. Serializes exactly to
// SerializedFieldNode of @common/reportModel.
import { useContext } from 'react';
import type { MouseEvent } from 'react';
import type { JSX } from 'react';
import { $applyNodeReplacement, $getDocument, DecoratorNode } from 'lexical';
import type { DOMExportOutput, EditorConfig, LexicalNode, NodeKey } from 'lexical';
import { $fieldValue, FieldsContext } from './fieldValues';

/** The JSON of a wg-field (reportModel's SerializedFieldNode). */
export interface SerializedWgFieldNode {
  type: 'wg-field';
  version: 1;
  name: string;
}

/** The chip a field renders as. */
export function FieldChip({ name }: { name: string }): JSX.Element {
  const { values, onEditField } = useContext(FieldsContext);
  const value = values[name]?.trim();
  const edit = onEditField
    ? (event: MouseEvent) => {
        event.preventDefault();
        onEditField(name);
      }
    : undefined;
  return value ? (
    <span className="pg-field-value" title={`填空“${name}”（点击修改）`} onClick={edit}>
      {value}
    </span>
  ) : (
    <span className="pg-field-empty" title={`未填写的填空“${name}”（点击填写）`} onClick={edit}>
      {`{{${name}}}`}
    </span>
  );
}

/** A fill-in field. */
export class FieldNode extends DecoratorNode<JSX.Element> {
  /** @internal */
  __name: string;

  static override getType(): string {
    return 'wg-field';
  }

  static override clone(node: FieldNode): FieldNode {
    return new FieldNode(node.__name, node.__key);
  }

  constructor(name = '', key?: NodeKey) {
    super(key);
    this.__name = name;
  }

  static override importJSON(json: Record<string, unknown>): FieldNode {
    return $createFieldNode(typeof json.name === 'string' ? json.name : '');
  }

  override exportJSON(): SerializedWgFieldNode {
    return { type: 'wg-field', version: 1, name: this.getLatest().__name };
  }

  /** The field's name (单位). */
  getName(): string {
    return this.getLatest().__name;
  }

  /** The value, or {{name}} while unfilled: what copies and counts see. */
  override getTextContent(): string {
    const name = this.getLatest().__name;
    return $fieldValue(name) ?? `{{${name}}}`;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('span');
    const theme = config.theme as { wgField?: string };
    element.className = theme.wgField ?? 'pg-field';
    element.dataset.field = this.__name;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = $getDocument().createElement('span');
    element.textContent = this.getTextContent();
    return { element };
  }

  override decorate(): JSX.Element {
    return <FieldChip name={this.__name} />;
  }

  override isInline(): true {
    return true;
  }

  /** The caret steps over a field in one go; Backspace removes it whole. */
  override isKeyboardSelectable(): false {
    return false;
  }
}

/** Creates a field node for {{name}}. */
export function $createFieldNode(name: string): FieldNode {
  return $applyNodeReplacement(new FieldNode(name));
}

/** True for a wg-field node. */
export function $isFieldNode(node: LexicalNode | null | undefined): node is FieldNode {
  return node instanceof FieldNode;
}
