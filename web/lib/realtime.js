// The tab's real-time connection (live.js) on the real WebSocket and the API's tickets.
import * as api from './api.js';
import { createLive } from './live.js';

function address(ticket) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`;
}

export const live = createLive({
  ticket: async () => (await api.post('/api/v1/ws/tickets')).ticket,
  open: (ticket) => new WebSocket(address(ticket)),
});
