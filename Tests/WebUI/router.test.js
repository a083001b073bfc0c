// The hash router's matching, on its own (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { route, match } from '../../web/lib/router.js';

const seen = (name) => () => name;
route('/', seen('home'));
route('/prompts/:id/edit', seen('edit'));
route('/prompts/:id/:tab?', seen('prompt'));

test('patterns match with their parameters, decoded', () => {
  assert.equal(match('/').render(), 'home');
  assert.deepEqual(match('/prompts/abc/edit').params, { id: 'abc' });
  assert.equal(match('/prompts/abc/edit').render(), 'edit');
  assert.deepEqual(match('/prompts/a%2Fb').params, { id: 'a/b', tab: undefined });
  assert.deepEqual(match('/prompts/abc/history').params, { id: 'abc', tab: 'history' });
  assert.equal(match('/prompts/abc/history/').render(), 'prompt');
});

test('anything else matches nothing', () => {
  assert.equal(match('/nope'), null);
  assert.equal(match('/prompts'), null);
  assert.equal(match('/prompts/a/b/c'), null);
});
