// prepareContent keeps known documents as they are and never loses text of unknown nodes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentFromParagraphs, documentParagraphs, emptyContent } from '@common/documentModel';
import type { DocumentContent } from '@common/documentModel';
import { contentHasText, prepareContent } from './content';

/** Asserts a value is present (tests use this instead of `!`). */
function must<T>(value: T | null | undefined): T {
  assert.ok(value !== null && value !== undefined, 'expected a value');
  return value;
}

test('an empty document gets one empty paragraph', () => {
  const { json, simplified } = prepareContent(emptyContent());
  const parsed = JSON.parse(json) as DocumentContent;
  assert.equal(parsed.root.children.length, 1);
  assert.equal(must(parsed.root.children[0]).type, 'paragraph');
  assert.equal(simplified, false);
});

test('known content is passed through unchanged', () => {
  const content = contentFromParagraphs(['一', '二']);
  const { json, simplified } = prepareContent(content);
  assert.deepEqual(JSON.parse(json), content);
  assert.equal(simplified, false);
});

test('unknown blocks and inlines become paragraphs and text without losing characters', () => {
  const content = {
    root: {
      type: 'root' as const,
      version: 1,
      children: [
        { type: 'list', version: 1, children: [
          { type: 'listitem', version: 1, children: [{ type: 'text', version: 1, text: '要点一' }] },
          { type: 'listitem', version: 1, children: [{ type: 'text', version: 1, text: '要点二' }] },
        ] },
        { type: 'paragraph', version: 1, children: [
          { type: 'text', version: 1, text: '见', format: 0, detail: 0, mode: 'normal', style: '' },
          { type: 'link', version: 1, url: 'https://example.com', children: [{ type: 'text', version: 1, text: '附件' }] },
        ] },
      ],
    },
  };
  const { json, simplified } = prepareContent(content);
  assert.equal(simplified, true);
  const parsed = JSON.parse(json) as DocumentContent;
  assert.deepEqual(documentParagraphs(parsed), ['要点一', '要点二', '见附件']);
  assert.deepEqual(parsed.root.children.map((c) => c.type), ['paragraph', 'paragraph', 'paragraph']);
});

test('contentHasText', () => {
  assert.equal(contentHasText(emptyContent()), false);
  assert.equal(contentHasText(contentFromParagraphs(['', ' '])), false);
  assert.equal(contentHasText(contentFromParagraphs(['字'])), true);
});
