// Real-time updates: one WebSocket per signed-in tab, opened with a single-use ticket (a token
// never goes in a URL). Pages join prompt rooms and hear that prompt's events and who else is
// there; the connection pings to stay alive and, when it drops, reconnects with backoff and
// joins the same rooms again. No DOM or network here: `ticket` and `open` are given, so the
// logic is tested in Node (Tests/WebUI/live.test.js).

/**
 * Makes a connection manager. `ticket()` resolves to a ticket from POST /api/v1/ws/tickets;
 * `open(ticket)` returns a WebSocket-like object (onopen, onmessage, onclose, send, close).
 */
export function createLive({ ticket, open, setTimer = setTimeout, clearTimer = clearTimeout, random = Math.random, pingEvery = 25000, leaveGrace = 1000 }) {
  let socket = null;
  let wanted = false;
  let attempt = 0;
  let retryTimer = null;
  let pingTimer = null;
  let status = 'off';
  let me = null;
  const rooms = new Map(); // prompt id → Set of handlers
  const leaving = new Map(); // prompt id → timer: a room left is kept a moment, in case the next page joins it again
  const presence = new Map(); // prompt id → the room's last presence message, for a page that joins a kept room
  const editing = new Set();
  const statusListeners = new Set();
  const userListeners = new Set();

  function setStatus(next) {
    if (next === status) return;
    status = next;
    statusListeners.forEach((fn) => fn(status));
  }

  let opened = false;

  function send(message) {
    if (socket && opened) socket.send(JSON.stringify(message));
  }

  /** Unsubscribes from `id` unless a page joins it again within the grace period. */
  function leaveSoon(id) {
    // Editing stops at once: the next page may show the same prompt without editing it.
    if (editing.delete(id)) send({ type: 'editing.stopped', room: `prompt:${id}` });
    if (leaving.has(id)) return;
    leaving.set(id, setTimer(() => {
      leaving.delete(id);
      if (rooms.has(id)) return;
      presence.delete(id);
      send({ type: 'unsubscribe', room: `prompt:${id}` });
    }, leaveGrace));
  }

  function dispatch(message) {
    if (message.type === 'welcome') {
      // Only a welcome proves the connection was accepted: one closed at once (too many tabs)
      // keeps backing off.
      me = message.user_id;
      attempt = 0;
      setStatus('live');
      return;
    }
    if (message.type === 'pong' || message.type === 'subscribed' || message.type === 'unsubscribed' || message.type === 'error') return;
    if (message.type && message.type.startsWith('enhancement.')) { userListeners.forEach((fn) => fn(message)); return; }
    if (message.type === 'presence' && message.prompt_id) presence.set(message.prompt_id, message);
    const handlers = message.prompt_id && rooms.get(message.prompt_id);
    if (handlers) handlers.forEach((fn) => fn(message));
  }

  function schedulePing() {
    clearTimer(pingTimer);
    pingTimer = setTimer(() => { send({ type: 'ping' }); schedulePing(); }, pingEvery);
  }

  function retry() {
    attempt += 1;
    setStatus('reconnecting');
    // Exponential, capped at 30 s, jittered so that tabs do not all come back at once.
    const delay = Math.min(30000, 1000 * 2 ** Math.min(attempt - 1, 5)) * (0.5 + random() / 2);
    retryTimer = setTimer(() => { retryTimer = null; connect(); }, delay);
  }

  async function connect() {
    if (!wanted || socket) return;
    if (attempt === 0) setStatus('connecting');
    let issued;
    try {
      issued = await ticket();
    } catch (error) {
      if (wanted) retry();
      return;
    }
    if (!wanted || socket) return;
    const ws = open(issued);
    socket = ws;
    ws.onopen = () => {
      opened = true;
      for (const id of rooms.keys()) send({ type: 'subscribe', room: `prompt:${id}` });
      for (const id of editing) send({ type: 'editing.started', room: `prompt:${id}` });
      schedulePing();
    };
    ws.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (error) { return; }
      if (message && typeof message === 'object') dispatch(message);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      opened = false;
      clearTimer(pingTimer);
      // 1008: refused by policy (too many connections, the session ended): not worth hurrying.
      if (event && event.code === 1008) attempt = Math.max(attempt, 5);
      if (wanted) retry();
      else setStatus('off');
    };
  }

  return {
    /** Opens the connection (and keeps it open) for the signed-in session. */
    start() {
      if (wanted) return;
      wanted = true;
      attempt = 0;
      connect();
    },
    /** Closes it for good: signing out. */
    stop() {
      wanted = false;
      clearTimer(retryTimer);
      clearTimer(pingTimer);
      rooms.clear();
      editing.clear();
      leaving.forEach((timer) => clearTimer(timer));
      leaving.clear();
      presence.clear();
      const closing = socket;
      socket = null;
      if (closing) closing.close();
      setStatus('off');
    },
    /** Hears prompt `id`'s events and presence; returns a function that stops. */
    join(id, handler) {
      const first = !rooms.has(id);
      if (first) rooms.set(id, new Set());
      rooms.get(id).add(handler);
      // Still subscribed when it was left a moment ago (a page redrawn): nothing to send.
      const kept = leaving.has(id);
      if (kept) { clearTimer(leaving.get(id)); leaving.delete(id); }
      if (first && !kept) send({ type: 'subscribe', room: `prompt:${id}` });
      // The server sends a room's people when it is joined; a page joining a kept room is told
      // them from here.
      else if (presence.has(id)) handler(presence.get(id));
      return () => {
        const handlers = rooms.get(id);
        if (!handlers || !handlers.delete(handler) || handlers.size) return;
        rooms.delete(id);
        leaveSoon(id);
      };
    },
    /** Leaves every room: a new page is being drawn. */
    leaveAll() {
      for (const id of rooms.keys()) leaveSoon(id);
      rooms.clear();
    },
    /** Tells the room that this tab edits prompt `id` (or stopped). */
    setEditing(id, on) {
      if (on === editing.has(id)) return;
      if (on) editing.add(id); else editing.delete(id);
      send({ type: on ? 'editing.started' : 'editing.stopped', room: `prompt:${id}` });
    },
    /** Calls `fn(status)` on every change: off, connecting, live, reconnecting. */
    onStatus(fn) { statusListeners.add(fn); fn(status); },
    /** Calls `fn(message)` for what concerns this user alone (enhancement progress). */
    onUser(fn) { userListeners.add(fn); return () => userListeners.delete(fn); },
    /** This connection's user id, from the server's welcome. */
    get userID() { return me; },
    get status() { return status; },
  };
}
