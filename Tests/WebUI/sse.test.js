// The UI's Server-Sent Events parser, fed the way a network delivers: in arbitrary pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventParser } from '../../web/lib/sse.js';

function parse(pieces) {
  const events = [];
  const parser = eventParser((e) => events.push(e));
  pieces.forEach((p) => parser.feed(p));
  parser.end();
  return events;
}

const stream = 'event: delta\ndata: {"text":"Hel"}\n\n: a comment\nevent: delta\r\ndata: {"text":"lo"}\r\n\r\nevent: done\ndata: {"output":"Hello"}\n\n';

test('events come out whole however the bytes are cut', () => {
  const whole = parse([stream]);
  assert.deepEqual(whole.map((e) => e.event), ['delta', 'delta', 'done']);
  assert.equal(JSON.parse(whole[2].data).output, 'Hello');
  for (let size = 1; size < 12; size += 1) {
    const pieces = [];
    for (let i = 0; i < stream.length; i += size) pieces.push(stream.slice(i, i + size));
    assert.deepEqual(parse(pieces), whole, `pieces of ${size}`);
  }
});

test('multi-line data joins with newlines; an event without a name is a message; the last event needs no blank line', () => {
  const events = parse(['data: one\ndata: two\n\ndata: last']);
  assert.deepEqual(events, [{ event: 'message', data: 'one\ntwo' }, { event: 'message', data: 'last' }]);
});

test('a lone CR ends a line, but a CR at the end of a piece waits for its LF', () => {
  assert.deepEqual(parse(['data: a\r', '\n\r\n']), [{ event: 'message', data: 'a' }]);
  assert.deepEqual(parse(['data: b\r\rdata: c\n\n']), [{ event: 'message', data: 'b' }, { event: 'message', data: 'c' }]);
});
