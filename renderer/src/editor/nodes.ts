// The one node registry of the editor: every node type a stored document may contain.
import { QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { FieldNode } from './features/report/FieldNode';
import { ReportHeadingNode } from './features/report/ReportHeadingNode';
import { RoleBlockNode } from './features/report/RoleBlockNode';
import { RunInNode } from './features/report/RunInNode';

/**
 * Node classes registered on every editor (paragraph, text, line break, tab are built in). The
 * report nodes (wg-heading, wg-runin, wg-block, wg-field) serialize to @common/reportModel's
 * shapes; Lexical's own `heading` is not registered: older documents' headings become wg-heading
 * on load (content.ts).
 */
export const editorNodes: readonly Klass<LexicalNode>[] = [QuoteNode, ReportHeadingNode, RunInNode, RoleBlockNode, FieldNode];

/** Block node types the editor can load; anything else is converted on load (see content.ts). */
export const knownBlockTypes: ReadonlySet<string> = new Set(['paragraph', 'quote', 'wg-heading', 'wg-block']);
/** Inline leaf node types the editor can load. */
export const knownInlineTypes: ReadonlySet<string> = new Set(['text', 'linebreak', 'tab', 'wg-field']);
/** Inline element types the editor can load: only wg-runin, and only as a paragraph's first child. */
export const knownInlineElementTypes: ReadonlySet<string> = new Set(['wg-runin']);
