// Accounts (admins): create, change role, disable or enable, reset a password, delete.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { errorSlot, field, busy, toast, table, pageHeader, confirmDialog, formDialog } from '../lib/ui.js';

const ROLES = ['viewer', 'user', 'admin'];

/** The users page. */
export async function renderUsers(main) {
  const errors = errorSlot();
  const list = h('div');
  const username = h('input', { name: 'username', required: true, autocomplete: 'off' });
  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  const role = h('select', { name: 'role' }, ROLES.map((r) => h('option', { value: r, selected: r === 'user' }, r)));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-user' }, 'Create account');
  const me = api.user();

  async function change(user, body, done) {
    errors.clear();
    try { await api.patch(`/api/v1/users/${encodeURIComponent(user.id)}`, body); toast(done); await load(); } catch (error) { errors.show(error); await load(); }
  }

  function resetPassword(user) {
    const input = h('input', { type: 'password', name: 'new_password', minlength: 12, required: true, autocomplete: 'new-password' });
    formDialog(`New password for ${user.username}`, [h('p', { class: 'muted small' }, 'At least 12 characters. Their sessions end.'), field('New password', input)], 'Set password', async () => {
      await api.patch(`/api/v1/users/${encodeURIComponent(user.id)}`, { password: input.value });
      toast(`Password of ${user.username} reset; their sessions ended`);
    });
  }

  async function load() {
    const users = await api.all('/api/v1/users');
    replace(list, table(users, [
      { label: 'User', cell: (u) => h('div', {}, h('strong', {}, u.username), h('div', { class: 'muted small' }, u.email)) },
      { label: 'Role', cell: (u) => h('select', { 'aria-label': `Role of ${u.username}`, disabled: u.id === me.id, onchange: async (e) => {
        const role = e.target.value;
        if (await confirmDialog(`Make ${u.username} ${role === 'admin' ? 'an' : 'a'} ${role}?`, { confirm: 'Change role', danger: role === 'admin' })) change(u, { role }, `${u.username} is now ${role}`);
        else e.target.value = u.role;
      } },
        ROLES.map((r) => h('option', { value: r, selected: u.role === r }, r))) },
      { label: 'Status', cell: (u) => h('span', { class: `badge status-${u.status}` }, u.status) },
      { label: 'Last sign-in', cell: (u) => when(u.last_login_at) },
      { label: 'Created', cell: (u) => when(u.created_at) },
      { label: '', cell: (u) => u.id === me.id ? h('span', { class: 'muted small' }, 'you') : h('div', { class: 'row' },
        u.status === 'active'
          ? h('button', { type: 'button', class: 'small danger', 'data-disable': u.username, onclick: async () => {
            if (await confirmDialog(`Disable ${u.username}? They are signed out everywhere and cannot sign in.`, { confirm: 'Disable', danger: true })) change(u, { status: 'disabled' }, `${u.username} disabled`);
          } }, 'Disable')
          : h('button', { type: 'button', class: 'small secondary', onclick: () => change(u, { status: 'active' }, `${u.username} enabled`) }, 'Enable'),
        h('button', { type: 'button', class: 'small secondary', onclick: () => resetPassword(u) }, 'Reset password'),
        h('button', { type: 'button', class: 'small danger', onclick: async () => {
          if (!(await confirmDialog(`Delete the account ${u.username}? Their prompts stay; their sessions and keys go.`, { confirm: 'Delete', danger: true }))) return;
          try { await api.del(`/api/v1/users/${encodeURIComponent(u.id)}`); toast(`${u.username} deleted`); await load(); } catch (error) { errors.show(error); }
        } }, 'Delete')) },
    ]));
  }

  replace(main,
    pageHeader('Users'),
    h('form', { class: 'card', autocomplete: 'off', onsubmit: (event) => {
      event.preventDefault();
      errors.clear();
      busy(submit, async () => {
        try {
          await api.post('/api/v1/users', { username: username.value.trim(), email: email.value.trim(), password: password.value, role: role.value });
          event.target.reset();
          toast('Account created');
          await load();
        } catch (error) { errors.show(error); }
      });
    } }, h('h2', {}, 'New account'), errors,
    h('div', { class: 'grid two' }, field('Username', username), field('Email', email), field('Password', password, 'At least 12 characters'), field('Role', role)), submit),
    h('section', { class: 'card' }, h('h2', {}, 'Accounts'), list));
  await load();
}
