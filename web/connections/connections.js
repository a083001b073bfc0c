// Provider connections: add one (its secret typed once, then only ever shown masked), test it (the
// latency, or the provider's own error, and the circuit breaker's state), replace its secret,
// delete it.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { errorSlot, field, busy, toast, table, pageHeader, confirmDialog, formDialog } from '../lib/ui.js';

const PROVIDERS = [['openai', 'OpenAI'], ['anthropic', 'Anthropic'], ['gemini', 'Google Gemini'], ['bedrock', 'AWS Bedrock'], ['openai_compatible', 'OpenAI-compatible (Ollama, vLLM, LM Studio, Azure …)']];

function credentialInputs(provider) {
  if (provider === 'bedrock') {
    return [['access_key_id', 'Access key id', 'text'], ['secret_access_key', 'Secret access key', 'password'], ['region', 'Region', 'text']]
      .map(([name, label, type]) => field(label, h('input', { name, type, autocomplete: 'off', required: name !== 'region' ? true : null, placeholder: name === 'region' ? 'us-east-1' : null })));
  }
  return [field('API key', h('input', { name: 'api_key', type: 'password', autocomplete: 'off', required: provider !== 'openai_compatible' }), provider === 'openai_compatible' ? 'Optional for local servers' : 'Stored encrypted (AES-256-GCM); shown masked from now on')];
}

function readCredentials(host) {
  const out = {};
  for (const input of host.querySelectorAll('input')) if (input.value.trim()) out[input.name] = input.value.trim();
  return out;
}

/** The connections page. */
export async function renderConnections(main) {
  const errors = errorSlot();
  const list = h('div');
  const name = h('input', { name: 'name', required: true, maxlength: 100 });
  const provider = h('select', { name: 'provider' }, PROVIDERS.map(([v, l]) => h('option', { value: v }, l)));
  const model = h('input', { name: 'default_model', placeholder: 'optional' });
  const baseURL = h('input', { name: 'base_url', type: 'url', placeholder: 'http://localhost:11434/v1' });
  const baseField = field('Base URL', baseURL, 'Required for OpenAI-compatible servers');
  const credentials = h('div', {});
  const submit = h('button', { type: 'submit', class: 'primary', id: 'add-connection' }, 'Add connection');
  const drawCredentials = () => { replace(credentials, credentialInputs(provider.value)); baseField.hidden = provider.value !== 'openai_compatible'; };
  provider.addEventListener('change', drawCredentials);
  drawCredentials();

  async function load() {
    const connections = await api.all('/api/v1/connections');
    replace(list, table(connections, [
      { label: 'Name', cell: (c) => h('strong', {}, c.name) },
      { label: 'Provider', cell: (c) => c.provider },
      { label: 'Model', cell: (c) => c.default_model || '—' },
      { label: 'Credentials', cell: (c) => Object.entries(c.credentials_hint || {}).map(([k, v]) => h('div', { class: 'mono small' }, `${k}: ${v}`)) },
      { label: 'Updated', cell: (c) => when(c.updated_at) },
      { label: 'Status', cell: (c) => testCell(c) },
      { label: '', cell: (c) => h('div', { class: 'row' },
        h('button', { type: 'button', class: 'small secondary', 'data-test': c.id, onclick: (event) => test(c, event.target) }, 'Test'),
        h('button', { type: 'button', class: 'small secondary', onclick: () => replaceSecret(c) }, 'Replace secret'),
        h('button', { type: 'button', class: 'small danger', onclick: async () => {
          if (!(await confirmDialog(`Delete the connection “${c.name}”? Its encrypted secret is erased.`, { confirm: 'Delete', danger: true }))) return;
          try { await api.del(`/api/v1/connections/${encodeURIComponent(c.id)}`); toast('Connection deleted'); await load(); } catch (error) { errors.show(error); }
        } }, 'Delete')) },
    ], 'No connections yet.'));
  }

  // The breaker as this server last saw it, then the outcome of a test.
  const results = new Map();
  function testCell(connection) {
    const cell = h('div', { class: 'test-result', id: `test-${connection.id}`, 'aria-live': 'polite' });
    results.set(connection.id, cell);
    const breaker = connection.breaker || { state: 'closed' };
    replace(cell, breaker.state === 'closed' ? h('span', { class: 'muted' }, 'not tested')
      : h('span', { class: 'badge warn' }, breaker.state === 'open' ? 'paused after failures' : 'retrying'));
    return cell;
  }

  async function test(connection, button) {
    const cell = results.get(connection.id);
    await busy(button, async () => {
      try {
        const result = await api.post(`/api/v1/connections/${encodeURIComponent(connection.id)}/test`);
        const breaker = result.breaker.state === 'closed' ? null : h('div', { class: 'small' }, `breaker ${result.breaker.state.replace('_', '-')} after ${result.breaker.consecutive_failures} failures`);
        replace(cell, result.ok
          ? h('span', { class: 'ok' }, `✓ ${result.latency_ms} ms · ${result.model}`)
          : h('div', { class: 'alert error small', role: 'alert' }, result.error.message, breaker));
      } catch (error) { replace(cell, h('div', { class: 'alert error small', role: 'alert' }, error.message)); }
    }, 'Testing…');
  }

  function replaceSecret(connection) {
    const inputs = h('div', {}, credentialInputs(connection.provider));
    formDialog(`Replace the secret of ${connection.name}`, inputs, 'Save', async () => {
      await api.patch(`/api/v1/connections/${encodeURIComponent(connection.id)}`, { credentials: readCredentials(inputs) });
      toast('Secret replaced');
      await load();
    });
  }

  replace(main,
    pageHeader('Connections'),
    h('p', { class: 'muted' }, 'Your API keys for model providers, used to run and enhance prompts. Secrets are encrypted at rest and never shown again.'),
    h('form', { class: 'card', autocomplete: 'off', onsubmit: (event) => {
      event.preventDefault();
      errors.clear();
      busy(submit, async () => {
        const body = { name: name.value.trim(), provider: provider.value, credentials: readCredentials(credentials) };
        if (model.value.trim()) body.default_model = model.value.trim();
        if (provider.value === 'openai_compatible' && baseURL.value.trim()) body.base_url = baseURL.value.trim();
        try {
          await api.post('/api/v1/connections', body);
          event.target.reset();
          drawCredentials();
          toast('Connection added');
          await load();
        } catch (error) { errors.show(error); }
      });
    } }, h('h2', {}, 'Add a connection'), errors,
    h('div', { class: 'grid two' }, field('Name', name), field('Provider', provider), field('Default model', model), baseField), credentials, submit),
    h('section', { class: 'card' }, h('h2', {}, 'Your connections'), list));
  await load();
}
