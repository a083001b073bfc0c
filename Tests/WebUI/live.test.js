// The UI's real-time connection: rooms joined once, re-joined after a reconnect, and the status
// the top bar shows, against a fake WebSocket and fake timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLive } from '../../web/lib/live.js';

function harness({ failTickets = 0 } = {}) {
  const sockets = [];
  const timers = [];
  let tickets = 0;
  const live = createLive({
    ticket: async () => { tickets += 1; if (tickets <= failTickets) throw new Error('offline'); return `t${tickets}`; },
    open: (ticket) => {
      const socket = { ticket, sent: [], closed: false, send(text) { this.sent.push(JSON.parse(text)); }, close() { this.closed = true; } };
      sockets.push(socket);
      return socket;
    },
    setTimer: (fn, delay) => { const timer = { fn, delay }; timers.push(timer); return timer; },
    clearTimer: (timer) => { const index = timers.indexOf(timer); if (index >= 0) timers.splice(index, 1); },
    random: () => 0.5,
  });
  const statuses = [];
  live.onStatus((s) => statuses.push(s));
  return { live, sockets, timers, statuses };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const welcome = (socket) => socket.onmessage({ data: JSON.stringify({ type: 'welcome', user_id: 'u1' }) });
const fire = (timers, delay) => { const index = timers.findIndex((t) => t.delay === delay); assert.ok(index >= 0, `a ${delay} ms timer`); const [timer] = timers.splice(index, 1); timer.fn(); };

test('rooms are joined once, their events reach their handlers only, and a room left is unsubscribed after a grace', async () => {
  const { live, sockets, timers } = harness();
  live.start();
  await settle();
  const socket = sockets[0];
  socket.onopen();
  welcome(socket);
  const heardA = []; const heardB = [];
  const leaveA = live.join('a', (m) => heardA.push(m.type));
  const leaveA2 = live.join('a', () => {});
  live.join('b', (m) => heardB.push(m.type));
  assert.deepEqual(socket.sent, [{ type: 'subscribe', room: 'prompt:a' }, { type: 'subscribe', room: 'prompt:b' }]);
  socket.onmessage({ data: JSON.stringify({ type: 'prompt.version_created', prompt_id: 'a', version: 2 }) });
  socket.onmessage({ data: JSON.stringify({ type: 'presence', prompt_id: 'b', people: [] }) });
  socket.onmessage({ data: 'not json' });
  assert.deepEqual(heardA, ['prompt.version_created']);
  assert.deepEqual(heardB, ['presence']);
  leaveA();
  leaveA2();
  assert.equal(socket.sent.length, 2, 'not yet: the next page may join it again');
  fire(timers, 1000);
  assert.deepEqual(socket.sent.at(-1), { type: 'unsubscribe', room: 'prompt:a' });
});

test('a page redrawn on the same prompt keeps its subscription and its people, but not its editing', async () => {
  const { live, sockets, timers } = harness();
  live.start();
  await settle();
  sockets[0].onopen();
  welcome(sockets[0]);
  live.join('a', () => {});
  live.setEditing('a', true);
  const people = { type: 'presence', prompt_id: 'a', people: [{ user_id: 'u2', username: 'ana', state: 'editing' }] };
  sockets[0].onmessage({ data: JSON.stringify(people) });
  live.leaveAll();
  const heard = [];
  live.join('a', (m) => heard.push(m));
  assert.deepEqual(heard, [people], 'the redrawn page is told who is there');
  assert.equal(timers.filter((t) => t.delay === 1000).length, 0, 'the pending leave was dropped');
  assert.deepEqual(sockets[0].sent, [{ type: 'subscribe', room: 'prompt:a' }, { type: 'editing.started', room: 'prompt:a' },
    { type: 'editing.stopped', room: 'prompt:a' }]);
});

test('a dropped connection shows reconnecting, comes back with a new ticket and joins the same rooms, editing included', async () => {
  const { live, sockets, timers, statuses } = harness();
  live.start();
  await settle();
  sockets[0].onopen();
  welcome(sockets[0]);
  live.join('a', () => {});
  live.setEditing('a', true);
  sockets[0].onclose({ code: 1006 });
  assert.equal(live.status, 'reconnecting');
  const retry = timers.find((t) => t.delay >= 500 && t.delay <= 1000 && t.delay !== 25000);
  assert.ok(retry, `a retry after about a second: ${timers.map((t) => t.delay)}`);
  timers.splice(timers.indexOf(retry), 1);
  retry.fn();
  await settle();
  assert.equal(sockets.length, 2);
  assert.equal(sockets[1].ticket, 't2', 'each connection redeems a fresh ticket');
  sockets[1].onopen();
  welcome(sockets[1]);
  assert.equal(live.status, 'live');
  assert.deepEqual(sockets[1].sent, [{ type: 'subscribe', room: 'prompt:a' }, { type: 'editing.started', room: 'prompt:a' }]);
  assert.deepEqual(statuses, ['off', 'connecting', 'live', 'reconnecting', 'live']);
});

test('a connection refused by policy (1008, too many tabs) backs off long, not once a second', async () => {
  const { live, sockets, timers } = harness();
  live.start();
  await settle();
  sockets[0].onopen();
  sockets[0].onclose({ code: 1008 });
  const retry = timers.find((t) => t.delay !== 25000);
  assert.ok(retry.delay >= 15000, `waited ${retry.delay} ms`);
});

test('when tickets cannot be had, retries back off and stay capped; stopping ends it all', async () => {
  const { live, sockets, timers } = harness({ failTickets: 8 });
  live.start();
  const delays = [];
  for (let i = 0; i < 8; i += 1) {
    await settle();
    const timer = timers.shift();
    delays.push(timer.delay);
    timer.fn();
  }
  await settle();
  assert.deepEqual(delays.slice(0, 4), [750, 1500, 3000, 6000]);
  assert.ok(delays.every((d) => d <= 30000));
  assert.equal(sockets.length, 1);
  sockets[0].onopen();
  live.stop();
  assert.ok(sockets[0].closed);
  assert.equal(live.status, 'off');
  sockets[0].onclose({ code: 1000 });
  assert.equal(timers.filter((t) => t.delay !== 25000).length, 0, 'no retry after stopping');
});

test('a ping goes out every 25 s while open', async () => {
  const { live, sockets, timers } = harness();
  live.start();
  await settle();
  sockets[0].onopen();
  fire(timers, 25000);
  assert.deepEqual(sockets[0].sent.at(-1), { type: 'ping' });
});
