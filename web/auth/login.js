// The sign-in page: username or email and password; why a sign-in failed, in words.
import * as api from '../lib/api.js';
import { h } from '../lib/dom.js';
import { field, errorSlot, busy } from '../lib/ui.js';

/** The sign-in form; calls `onSignedIn` after a good sign-in. */
export function renderLogin({ notice, onSignedIn }) {
  const login = h('input', { name: 'login', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const errors = errorSlot();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card login', 'aria-labelledby': 'login-title', onsubmit: async (event) => {
    event.preventDefault();
    errors.clear();
    try {
      await busy(submit, () => api.signIn(login.value.trim(), password.value), 'Signing in…');
      onSignedIn();
    } catch (error) {
      password.value = '';
      // A disabled account gets the same 401 as a wrong password: the page must not tell a
      // stranger which accounts exist.
      if (error.status === 401) error.message = 'Wrong username, email or password.';
      else if (error.status === 429) error.message = error.message.includes('account') ? 'This account is locked after too many failed sign-ins. ' + 'Wait, then try again.' : error.message;
      errors.show(error);
      password.focus();
    }
  } },
  h('h1', { id: 'login-title' }, 'Sign in to PromptLib'),
  notice ? h('div', { class: 'alert info', role: 'status' }, notice) : null,
  errors,
  field('Username or email', login),
  field('Password', password),
  submit);
  return form;
}
