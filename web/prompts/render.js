// Render and compare: a form generated from the variable declarations, a version or label, one
// or several providers, and the exact request body for each, with token estimates.
import * as api from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { errorBox, errorSlot, field, busy, copyButton } from '../lib/ui.js';
import { variableInput, readVariables, versionPicker, showProblems } from './variable-inputs.js';
import { suggestModels } from '../lib/models.js';

const PROVIDERS = [['openai', 'OpenAI Chat Completions'], ['openai_responses', 'OpenAI Responses'], ['anthropic', 'Anthropic Messages'], ['gemini', 'Gemini'], ['bedrock', 'Bedrock Converse'], ['llama', 'Llama 3']];

function renderResult(render) {
  if (render.error) return h('section', { class: 'card render-result' }, h('h3', {}, render.provider), errorBox({ message: render.error.message || String(render.error) }));
  const body = render.text !== undefined ? render.text : JSON.stringify(render.payload, null, 2);
  return h('section', { class: 'card render-result', 'data-provider': render.provider },
    h('div', { class: 'row between' }, h('h3', {}, `${render.provider} · ${render.model}`), copyButton(() => body, 'Copy payload')),
    h('p', { class: 'muted small' }, `≈ ${render.token_estimate} input tokens · version ${render.version}`),
    render.warnings && render.warnings.length ? h('ul', { class: 'warnings' }, render.warnings.map((w) => h('li', {}, w))) : null,
    h('pre', { class: 'payload mono' }, body));
}

/** The render tab. */
export async function renderRenderTab(host, prompt, { query }) {
  const base = `/api/v1/prompts/${encodeURIComponent(prompt.id)}`;
  const labels = await api.get(`${base}/labels`);
  const errors = errorSlot();
  const results = h('div', { class: 'render-results', 'aria-live': 'polite' });
  const inputs = (prompt.variables || []).map(variableInput);
  const target = versionPicker(prompt, labels);
  const model = h('input', { name: 'model', placeholder: prompt.model && prompt.model.name ? `default: ${prompt.model.name}` : 'the provider default' });
  const checks = PROVIDERS.map(([value, label], index) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'provider', value, checked: (query.providers || 'openai').split(',').includes(value) || (!query.providers && index === 0) }), ` ${label}`));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'render' }, 'Render');
  const modelField = field('Model', model, 'Suggestions from the model catalogue; any id the provider takes works.');
  const showModels = suggestModels(model);
  // One model id cannot suit several providers: with more than one, each takes the prompt's model
  // when it is its own, or its default.
  function providersChanged() {
    const chosen = checks.map((c) => c.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    model.disabled = chosen.length > 1;
    replace(modelField.querySelector('.hint'), chosen.length > 1 ? 'Several providers: each uses its default, or the prompt’s model if it is theirs.' : 'Suggestions from the model catalogue; any id the provider takes works.');
    if (chosen.length === 1) showModels(chosen[0]);
  }
  checks.forEach((c) => c.querySelector('input').addEventListener('change', providersChanged));
  providersChanged();

  async function run() {
    errors.clear();
    inputs.forEach((i) => i.problem(''));
    const providers = checks.map((c) => c.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    if (!providers.length) { errors.show(new Error('Choose at least one provider.')); return; }
    let variables;
    try { variables = readVariables(inputs); } catch (error) { errors.show(error); return; }
    const request = { variables, ...target.selection(), ...(!model.disabled && model.value.trim() ? { model: model.value.trim() } : {}) };
    try {
      if (providers.length === 1) {
        replace(results, renderResult(await api.post(`${base}/render`, { ...request, provider: providers[0] })));
      } else {
        const answer = await api.post(`${base}/render/compare`, { ...request, providers });
        replace(results, h('div', { class: 'compare' }, answer.renders.map(renderResult)));
      }
    } catch (error) {
      showProblems(inputs, error);
      errors.show(error);
      replace(results);
    }
  }

  replace(host,
    h('form', { class: 'card render-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); busy(submit, run, 'Rendering…'); } },
      h('h2', {}, 'Values'),
      inputs.length ? h('div', { class: 'grid two' }, inputs) : h('p', { class: 'muted' }, 'This prompt declares no variables.'),
      h('div', { class: 'grid two' }, field('Version or label', target), modelField),
      h('fieldset', { class: 'providers' }, h('legend', {}, 'Providers (several: side by side)'), checks),
      errors, submit),
    results);
}
