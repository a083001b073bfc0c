// Share links: make one (optionally with a password, a view limit, a version or label), copy it
// once, see them all and revoke any.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { errorSlot, field, busy, toast, table, copyButton, confirmDialog } from '../lib/ui.js';
import { collaboratorsCard } from './collaborators.js';

/** The share tab. */
export async function renderShares(host, prompt, { canWrite, owns }) {
  const base = `/api/v1/prompts/${encodeURIComponent(prompt.id)}/shares`;
  if (!canWrite) { replace(host, h('p', { class: 'muted' }, 'Share links are made by those who may write the prompt.')); return; }
  const errors = errorSlot();
  const created = h('div', { 'aria-live': 'polite' });
  const list = h('div');
  const hours = h('input', { name: 'expires_in_hours', type: 'number', min: 1, max: 8760, value: 168 });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
  const maxViews = h('input', { name: 'max_views', type: 'number', min: 1 });
  const target = h('select', { name: 'target' }, h('option', { value: 'label:latest' }, 'the latest version (follows new versions)'), h('option', { value: 'label:production' }, 'production (follows the label)'),
    Array.from({ length: prompt.version }, (_, i) => prompt.version - i).map((n) => h('option', { value: `version:${n}` }, `version ${n} (fixed)`)));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-share' }, 'Create link');

  async function load() {
    const shares = await api.get(api.url(base, { limit: 100 }));
    replace(list, table(shares.data, [
      { label: 'Created', cell: (s) => `${when(s.created_at)} by ${s.created_by}` },
      { label: 'Shows', cell: (s) => s.version ? `version ${s.version}` : s.label ? `label ${s.label}` : 'latest' },
      { label: 'Expires', cell: (s) => when(s.expires_at) },
      { label: 'Views', cell: (s) => `${s.views}${s.max_views ? ` / ${s.max_views}` : ''}` },
      { label: 'Password', cell: (s) => s.has_password ? 'yes' : 'no' },
      { label: 'State', cell: (s) => h('span', { class: `badge status-${s.state}` }, s.state) },
      { label: '', cell: (s) => s.state === 'live' ? h('button', { type: 'button', class: 'small danger', onclick: async () => {
        if (!(await confirmDialog('Revoke this link? Anyone opening it will be told it was revoked.', { confirm: 'Revoke', danger: true }))) return;
        try { await api.del(`${base}/${encodeURIComponent(s.id)}`); toast('Link revoked'); await load(); } catch (error) { errors.show(error); }
      } }, 'Revoke') : null },
    ], 'No links yet.'));
  }

  replace(host,
    h('form', { class: 'card', onsubmit: (event) => {
      event.preventDefault();
      errors.clear();
      busy(submit, async () => {
        const [kind, value] = target.value.split(':');
        const body = { expires_in_hours: Number(hours.value) || 168 };
        if (password.value) body.password = password.value;
        if (maxViews.value) body.max_views = Number(maxViews.value);
        if (kind === 'version') body.version = Number(value);
        if (kind === 'label') body.label = value;
        try {
          const share = await api.post(base, body);
          password.value = '';
          replace(created, h('div', { class: 'alert ok', id: 'share-created' }, h('p', {}, 'Copy the link now: it is shown only once.'),
            h('div', { class: 'row' }, h('input', { readonly: true, value: share.url, class: 'mono grow', 'aria-label': 'Share link', id: 'share-url' }), copyButton(share.url, 'Copy link'))));
          await load();
        } catch (error) { errors.show(error); }
      });
    } }, h('h2', {}, 'New share link'), h('p', { class: 'muted small' }, 'Anyone with the link can read the prompt, without signing in.'),
    errors, h('div', { class: 'grid two' }, field('Shows', target), field('Expires after (hours)', hours), field('Password (optional)', password), field('View limit (optional)', maxViews)), submit),
    created,
    h('section', { class: 'card' }, h('h2', {}, 'Links'), list),
    collaboratorsCard(prompt, { owns }));
  await load();
}
