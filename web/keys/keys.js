// API keys for applications: create one (shown once, with a copy button), see them, revoke them.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { errorSlot, field, busy, toast, table, pageHeader, confirmDialog, copyButton } from '../lib/ui.js';

const SCOPES = [['prompts:read', 'Read prompts (fetch, render, export)'], ['prompts:write', 'Write prompts'], ['labels:write', 'Move labels (release, roll back)'], ['runs:write', 'Record runs and ratings']];

/** The API keys page. */
export async function renderKeys(main) {
  const errors = errorSlot();
  const list = h('div');
  const created = h('div', { 'aria-live': 'polite' });
  const name = h('input', { name: 'name', required: true, maxlength: 100, placeholder: 'checkout-service production' });
  const expires = h('input', { name: 'expires_at', type: 'date' });
  const scopes = SCOPES.map(([value, label]) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'scope', value, checked: value === 'prompts:read' }), ` ${label}`));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-key' }, 'Create key');

  async function load() {
    const keys = await api.all('/api/v1/api-keys');
    replace(list, table(keys, [
      { label: 'Name', cell: (k) => h('strong', {}, k.name) },
      { label: 'Key', cell: (k) => h('span', { class: 'mono' }, `${k.prefix}…`) },
      { label: 'Scopes', cell: (k) => k.scopes.map((s) => h('span', { class: 'chip' }, s)) },
      { label: 'Created', cell: (k) => when(k.created_at) },
      { label: 'Last used', cell: (k) => when(k.last_used_at) },
      { label: 'Expires', cell: (k) => k.expires_at ? when(k.expires_at) : 'never' },
      { label: '', cell: (k) => k.revoked_at ? h('span', { class: 'badge status-revoked' }, 'revoked') : h('button', { type: 'button', class: 'small danger', 'data-key': k.name, onclick: async () => {
        if (!(await confirmDialog(`Revoke the key “${k.name}”? Applications using it are refused at once.`, { confirm: 'Revoke', danger: true }))) return;
        try { await api.del(`/api/v1/api-keys/${encodeURIComponent(k.id)}`); toast('Key revoked'); await load(); } catch (error) { errors.show(error); }
      } }, 'Revoke') },
    ], 'No API keys yet.'));
  }

  replace(main,
    pageHeader('API keys'),
    h('p', { class: 'muted' }, 'Applications send a key as “Authorization: Bearer pl_…” to fetch prompts by name and label.'),
    h('form', { class: 'card', onsubmit: (event) => {
      event.preventDefault();
      errors.clear();
      busy(submit, async () => {
        const chosen = scopes.map((s) => s.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
        const body = { name: name.value.trim(), scopes: chosen };
        if (expires.value) body.expires_at = new Date(expires.value + 'T23:59:59Z').toISOString().replace(/\.\d+Z$/, 'Z');
        try {
          const key = await api.post('/api/v1/api-keys', body);
          event.target.reset();
          replace(created, h('div', { class: 'alert ok', id: 'key-created' },
            h('p', {}, h('strong', {}, `Key “${key.name}” created. Copy it now: it is shown only once.`)),
            h('div', { class: 'row' }, h('input', { readonly: true, value: key.key, class: 'mono grow', 'aria-label': 'The new API key', id: 'new-key' }), copyButton(key.key, 'Copy key'))));
          await load();
        } catch (error) { errors.show(error); }
      });
    } }, h('h2', {}, 'New key'), errors, h('div', { class: 'grid two' }, field('Name', name), field('Expires (optional)', expires)),
    h('fieldset', {}, h('legend', {}, 'Scopes'), scopes), submit),
    created,
    h('section', { class: 'card' }, h('h2', {}, 'Your keys'), list));
  await load();
}
