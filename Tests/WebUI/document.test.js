// The editor's document helpers, on their own (node --test; see scripts/test.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentOf, parseDefault, formatDefault, lines, words, templateNames, withoutUndefined } from '../../web/prompts/document.js';

test('a read answer becomes a writable document without server fields or the old commit message', () => {
  const answer = { id: 'x', version: 3, labels: ['latest'], author: 'a', name: 'n', title: 't', commit_message: 'old', prompt: { goal: 'g' }, warnings: [] };
  assert.deepEqual(documentOf(answer), { name: 'n', title: 't', prompt: { goal: 'g' } });
});

test('defaults are typed as their variable takes them, and bad ones say why', () => {
  assert.equal(parseDefault('integer', '42'), 42);
  assert.equal(parseDefault('number', '0.5'), 0.5);
  assert.equal(parseDefault('boolean', 'false'), false);
  assert.deepEqual(parseDefault('list', '["a", "b"]'), ['a', 'b']);
  assert.equal(parseDefault('string', '42'), '42');
  assert.equal(parseDefault('string', ''), undefined);
  assert.throws(() => parseDefault('integer', '4.2'), /an integer/);
  assert.throws(() => parseDefault('boolean', 'yes'), /true or false/);
  assert.throws(() => parseDefault('json', '{oops'), /JSON/);
  assert.equal(formatDefault(['a']), '["a"]');
  assert.equal(formatDefault('text'), 'text');
});

test('lists from a textarea drop blank lines and keep each line as typed; words split on commas and lines', () => {
  assert.deepEqual(lines('one\n\n  two \n'), ['one', '  two ']);
  assert.equal(lines('  \n'), undefined);
  assert.deepEqual(words('a, b\nc,,'), ['a', 'b', 'c']);
});

test('the variables a template uses: names and sections, not partials or closing tags', () => {
  assert.deepEqual([...templateNames('Hi {{ who }} {{#items}}{{name}}{{/items}} {{> other@production}} {{^empty}}x{{/empty}}')].sort(), ['empty', 'items', 'name', 'who']);
});

test('only what the form left undefined goes; empty strings, lists and objects stay', () => {
  assert.deepEqual(withoutUndefined({ a: '', b: [], c: {}, d: { e: undefined }, f: false, g: 0 }), { a: '', b: [], c: {}, d: {}, f: false, g: 0 });
});
