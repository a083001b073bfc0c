// Who besides the owner may write a prompt: listed for its writers; added and removed by the
// owner or an admin.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { errorSlot, field, busy, toast, table, confirmDialog } from '../lib/ui.js';

/** The collaborators card for `prompt`; `owns` shows the controls. */
export function collaboratorsCard(prompt, { owns }) {
  const base = `/api/v1/prompts/${encodeURIComponent(prompt.id)}/collaborators`;
  const errors = errorSlot();
  const list = h('div');
  const username = h('input', { name: 'collaborator', autocomplete: 'off', spellcheck: 'false', required: true });
  const add = h('button', { type: 'submit', class: 'secondary', id: 'add-collaborator' }, 'Add collaborator');

  async function load() {
    try {
      const people = await api.all(base);
      replace(list, table(people, [
        { label: 'User', cell: (c) => h('strong', {}, c.username) },
        { label: 'Added', cell: (c) => `${when(c.added_at)} by ${c.added_by}` },
        { label: '', cell: (c) => owns ? h('button', { type: 'button', class: 'small danger', 'data-remove': c.username, onclick: async () => {
          if (!(await confirmDialog(`Stop ${c.username} writing “${prompt.title}”?`, { confirm: 'Remove', danger: true }))) return;
          try { await api.del(`${base}/${encodeURIComponent(c.username)}`); toast(`${c.username} removed`); await load(); } catch (error) { errors.show(error); }
        } }, 'Remove') : null },
      ], `Only ${prompt.owner || 'the owner'} and admins may write this prompt.`));
    } catch (error) { errors.show(error); }
  }

  const card = h('section', { class: 'card' }, h('h2', {}, 'Collaborators'),
    h('p', { class: 'muted small' }, 'Collaborators may write new versions, move labels other than production, and share.'),
    errors, list,
    owns ? h('form', { class: 'row', onsubmit: (event) => {
      event.preventDefault();
      errors.clear();
      if (!username.value.trim()) return;
      busy(add, async () => {
        try {
          await api.put(`${base}/${encodeURIComponent(username.value.trim())}`);
          toast(`${username.value.trim()} may now write this prompt`);
          username.value = '';
          await load();
        } catch (error) { errors.show(error); }
      });
    } }, field('Username', username), add) : null);
  load();
  return card;
}
