// The signed-in account: email, password, and live sessions (end any of them).
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { errorSlot, field, busy, toast, table, pageHeader } from '../lib/ui.js';

/** The account page. */
export async function renderAccount(main) {
  const me = await api.get('/api/v1/auth/me');
  const emailErrors = errorSlot();
  const passwordErrors = errorSlot();
  const sessionErrors = errorSlot();
  const email = h('input', { name: 'email', type: 'email', value: me.email, required: true });
  const current = h('input', { name: 'current_password', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { name: 'new_password', type: 'password', autocomplete: 'new-password', minlength: 12, required: true });
  const again = h('input', { name: 'new_password_again', type: 'password', autocomplete: 'new-password', required: true });
  const saveEmail = h('button', { type: 'submit', class: 'primary' }, 'Save email');
  const savePassword = h('button', { type: 'submit', class: 'primary', id: 'change-password' }, 'Change password');
  const sessions = h('div');

  async function loadSessions() {
    const list = await api.all('/api/v1/auth/sessions');
    replace(sessions, table(list, [
      { label: 'Signed in', cell: (s) => when(s.created_at) },
      { label: 'Last used', cell: (s) => when(s.last_used_at) },
      { label: 'From', cell: (s) => h('div', {}, s.ip || '—', h('div', { class: 'muted small' }, s.user_agent || '')) },
      { label: 'Expires', cell: (s) => when(s.expires_at) },
      { label: '', cell: (s) => s.current ? h('span', { class: 'badge' }, 'this browser') : h('button', { type: 'button', class: 'small danger', onclick: async () => {
        try { await api.del(`/api/v1/auth/sessions/${encodeURIComponent(s.id)}`); toast('Session ended'); await loadSessions(); } catch (error) { sessionErrors.show(error); }
      } }, 'End session') },
    ]));
  }

  replace(main,
    pageHeader('Your account'),
    h('p', {}, h('strong', {}, me.username), ` · ${me.role} · member since ${when(me.created_at)}`),
    h('div', { class: 'grid two' },
      h('form', { class: 'card', onsubmit: (event) => {
        event.preventDefault();
        emailErrors.clear();
        busy(saveEmail, async () => { try { await api.patch('/api/v1/auth/me', { email: email.value.trim() }); toast('Email saved'); } catch (error) { emailErrors.show(error); } });
      } }, h('h2', {}, 'Email'), emailErrors, field('Email', email), saveEmail),
      h('form', { class: 'card', onsubmit: (event) => {
        event.preventDefault();
        passwordErrors.clear();
        if (next.value !== again.value) { passwordErrors.show(new Error('The new passwords differ.')); return; }
        busy(savePassword, async () => {
          try {
            await api.post('/api/v1/auth/me/password', { current_password: current.value, new_password: next.value });
            event.target.reset();
            toast('Password changed; your other sessions ended');
            await loadSessions();
          } catch (error) { passwordErrors.show(error); }
        });
      } }, h('h2', {}, 'Password'), passwordErrors, field('Current password', current), field('New password', next, 'At least 12 characters'), field('New password again', again), savePassword)),
    h('section', { class: 'card' }, h('h2', {}, 'Sessions'), h('p', { class: 'muted small' }, 'Where you are signed in. Ending a session signs that browser out.'), sessionErrors, sessions));
  await loadSessions();
}
