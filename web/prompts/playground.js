// The playground: values for the variables, one or two connections, and the model's answer as it
// streams in, with usage and latency. Every run is logged (figures only). A provider that fails
// shows its error — never an invented answer.
import * as api from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { href } from '../lib/router.js';
import { errorBox, errorSlot, field, busy, copyButton } from '../lib/ui.js';
import { suggestModels } from '../lib/models.js';
import { readEvents } from '../lib/sse.js';
import { variableInput, readVariables, versionPicker, showProblems } from './variable-inputs.js';

/** The catalogue's provider for a connection's API. */
function catalogueProvider(connection, apiName) {
  if (connection.provider === 'openai') return apiName || 'openai_responses';
  if (connection.provider === 'openai_compatible') return null;
  return connection.provider;
}

/** One connection with its own model and output. */
function lane(connections, index) {
  const select = h('select', { name: `connection-${index}` }, connections.map((c, i) => h('option', { value: c.id, selected: i === index % connections.length }, `${c.name} (${c.provider})`)));
  const apiSelect = h('select', { name: `api-${index}` }, [['openai_responses', 'Responses'], ['openai', 'Chat Completions']].map(([v, l]) => h('option', { value: v }, l)));
  const apiField = field('OpenAI API', apiSelect);
  const model = h('input', { name: `model-${index}`, placeholder: 'the connection’s default model' });
  const modelField = field('Model', model, 'Suggestions from the model catalogue; any id the provider takes works.');
  const showModels = suggestModels(model);
  const output = h('pre', { class: 'run-output', 'aria-live': 'polite', 'aria-label': `Output ${index + 1}` });
  const status = h('p', { class: 'muted small run-status' });
  const problem = h('div');
  const connection = () => connections.find((c) => c.id === select.value);
  const changed = () => {
    const chosen = connection();
    apiField.hidden = chosen.provider !== 'openai';
    model.placeholder = chosen.default_model ? `default: ${chosen.default_model}` : 'the provider’s default model';
    showModels(catalogueProvider(chosen, apiField.hidden ? null : apiSelect.value));
  };
  select.addEventListener('change', changed);
  apiSelect.addEventListener('change', changed);
  const element = h('section', { class: 'card run-lane', 'data-lane': String(index) },
    h('div', { class: 'grid two' }, field(`Connection ${index + 1}`, select), modelField, apiField),
    status, problem,
    h('div', { class: 'row between' }, h('h3', {}, 'Output'), copyButton(() => output.textContent, 'Copy output')),
    output);
  return {
    element, changed,
    body: () => ({
      connection_id: select.value,
      ...(model.value.trim() ? { model: model.value.trim() } : {}),
      ...(!apiField.hidden ? { api: apiSelect.value } : {}),
    }),
    clear: () => { replace(output); replace(problem); replace(status, 'Waiting for the model…'); element.classList.remove('failed'); },
    append: (text) => { output.append(text); },
    done: (run) => {
      const usage = run.usage || {};
      replace(status, `${run.model} · ${run.latency_ms} ms · ${usage.input_tokens ?? '?'} in / ${usage.output_tokens ?? '?'} out tokens`
        + (run.finish_reason ? ` · ${run.finish_reason}` : '') + ' · logged in the run log');
      if (output.textContent !== run.output) replace(output, run.output);
    },
    fail: (error) => { replace(status); replace(problem, errorBox(error)); element.classList.add('failed'); },
  };
}

/** The playground tab. */
export async function renderPlayground(host, prompt) {
  const base = `/api/v1/prompts/${encodeURIComponent(prompt.id)}`;
  const [labels, listed] = await Promise.all([api.get(`${base}/labels`), api.all('/api/v1/connections')]);
  // Only one's own connections can be spent (an admin's list shows everyone's).
  const connections = listed.filter((c) => c.owner_id === api.user().id);
  if (!connections.length) {
    replace(host, h('section', { class: 'card' }, h('h2', {}, 'Run this prompt'),
      h('p', {}, 'Running a prompt needs a connection to a model provider: your API key, stored encrypted. ',
        h('a', { href: href('/connections') }, 'Add a connection'), '.')));
    return;
  }
  const errors = errorSlot();
  const inputs = (prompt.variables || []).map(variableInput);
  const target = versionPicker(prompt, labels);
  const temperature = h('input', { name: 'temperature', type: 'number', min: '0', max: '2', step: '0.1', placeholder: 'the prompt’s' });
  const maxTokens = h('input', { name: 'max_tokens', type: 'number', min: '1', step: '1', placeholder: 'the prompt’s' });
  const lanes = [lane(connections, 0), lane(connections, 1)];
  const compare = h('input', { type: 'checkbox', name: 'compare' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'run' }, 'Run');
  const results = h('div', { class: 'run-lanes' }, lanes[0].element);
  compare.addEventListener('change', () => replace(results, compare.checked ? lanes.map((l) => l.element) : lanes[0].element));
  lanes.forEach((l) => l.changed());

  async function runLane(one, request) {
    one.clear();
    try {
      const response = await api.request('POST', `${base}/run?stream=true`, { body: { ...request, ...one.body() }, as: 'response' });
      let ended = false;
      await readEvents(response, ({ event, data }) => {
        const value = JSON.parse(data);
        if (event === 'delta') one.append(value.text);
        else if (event === 'done') { ended = true; one.done(value); }
        else if (event === 'error') { ended = true; one.fail({ message: value.error.message, status: 503, requestId: value.request_id }); }
      });
      // A connection that dropped mid-answer: what arrived is not the answer.
      if (!ended) one.fail({ message: 'The answer stopped before it was complete; run it again.' });
    } catch (error) {
      showProblems(inputs, error);
      one.fail(error);
    }
  }

  async function run() {
    errors.clear();
    inputs.forEach((i) => i.problem(''));
    let variables;
    try { variables = readVariables(inputs); } catch (error) { errors.show(error); return; }
    const params = {};
    if (temperature.value !== '') params.temperature = Number(temperature.value);
    if (maxTokens.value !== '') params.max_tokens = Number(maxTokens.value);
    const request = { variables, ...target.selection(), ...(Object.keys(params).length ? { params } : {}) };
    await Promise.all((compare.checked ? lanes : lanes.slice(0, 1)).map((one) => runLane(one, request)));
  }

  replace(host,
    h('form', { class: 'run-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); busy(submit, run, 'Running…'); } },
      h('section', { class: 'card' },
        h('h2', {}, 'Values'),
        inputs.length ? h('div', { class: 'grid two' }, inputs) : h('p', { class: 'muted' }, 'This prompt declares no variables.'),
        h('div', { class: 'grid two' }, field('Version or label', target), field('Temperature', temperature), field('Max output tokens', maxTokens)),
        h('label', { class: 'check' }, compare, ' Side by side with a second connection')),
      results,
      h('div', { class: 'row' }, submit), errors));
}
