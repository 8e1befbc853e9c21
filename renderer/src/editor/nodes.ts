// The one node registry of the editor: every node type a stored document may contain.
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

/** Node classes registered on every editor (paragraph, text, line break, tab are built in). */
export const editorNodes: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode];

/** Node types the editor can load; anything else is converted on load (see content.ts). */
export const knownBlockTypes: ReadonlySet<string> = new Set(['paragraph', 'heading', 'quote']);
/** Inline node types the editor can load. */
export const knownInlineTypes: ReadonlySet<string> = new Set(['text', 'linebreak', 'tab']);
