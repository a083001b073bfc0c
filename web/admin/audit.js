// The audit log (admins): newest first, filtered by actor, action, target and time, in pages.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { errorSlot, field, pageHeader, table } from '../lib/ui.js';

/** The audit log page. */
export async function renderAudit(main, params, query) {
  const errors = errorSlot();
  const actor = h('input', { name: 'actor', value: query.actor || '' });
  const action = h('input', { name: 'action', value: query.action || '', placeholder: 'auth.login, prompt.created …' });
  const target = h('input', { name: 'target', value: query.target || '', placeholder: 'an id' });
  const since = h('input', { name: 'since', type: 'datetime-local', value: query.since || '' });
  const list = h('div');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Older events');
  let cursor = null;
  let rows = [];

  async function load(append) {
    if (more.disabled && append) return; // one page at a time: a double click must not fetch it twice
    more.disabled = true;
    errors.clear();
    const filters = { actor: actor.value.trim(), action: action.value.trim(), target: target.value.trim(), since: since.value ? new Date(since.value).toISOString().replace(/\.\d+Z$/, 'Z') : '' };
    try {
      const page = await api.get(api.url('/api/v1/audit-events', { ...filters, limit: 50, cursor: append ? cursor : null }));
      rows = append ? rows.concat(page.data) : page.data;
      cursor = page.page.next_cursor;
      more.hidden = !cursor;
      replace(list, table(rows, [
        { label: 'When', cell: (e) => when(e.occurred_at) },
        { label: 'Action', cell: (e) => h('code', {}, e.action) },
        { label: 'Actor', cell: (e) => e.actor || '—' },
        { label: 'Target', cell: (e) => e.target_type ? `${e.target_type} ${e.target_id || ''}` : '—' },
        { label: 'From', cell: (e) => h('span', { class: 'small' }, e.ip || '—') },
        { label: 'Details', cell: (e) => h('span', { class: 'mono small' }, Object.entries(e.details || {}).map(([k, v]) => `${k}=${v}`).join(' ')) },
      ], 'No events match.'));
    } catch (error) { errors.show(error); } finally { more.disabled = false; }
  }
  more.addEventListener('click', () => { if (cursor) load(true); });

  replace(main,
    pageHeader('Audit log'),
    h('form', { class: 'card filters', onsubmit: (event) => { event.preventDefault(); load(false); } },
      field('Actor', actor), field('Action', action), field('Target id', target), field('Since', since),
      h('button', { type: 'submit', class: 'primary' }, 'Filter')),
    errors, h('section', { class: 'card' }, list, more));
  await load(false);
}
