// A prompt's overview: its document as the form shows it, the YAML, and downloads in every format.
import * as api from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { errorSlot, field, busy, download, filenameFrom, copyButton } from '../lib/ui.js';
import { bodyView } from './body-view.js';

const FORMATS = [['yaml', 'YAML (canonical)'], ['json', 'JSON'], ['markdown', 'Markdown'], ['openai', 'OpenAI Chat Completions'], ['openai_responses', 'OpenAI Responses'],
  ['anthropic', 'Anthropic Messages'], ['gemini', 'Gemini'], ['bedrock', 'Bedrock Converse'], ['llama', 'Llama 3 template']];

/** The overview tab. */
export async function renderOverview(host, prompt) {
  const errors = errorSlot();
  const format = h('select', { name: 'format' }, FORMATS.map(([v, l]) => h('option', { value: v }, l)));
  const downloadButton = h('button', { type: 'button', class: 'secondary', id: 'download' }, 'Download');
  downloadButton.addEventListener('click', () => busy(downloadButton, async () => {
    errors.clear();
    try {
      const response = await api.get(api.url(`/api/v1/prompts/${encodeURIComponent(prompt.id)}/export`, { format: format.value }), { as: 'response' });
      download(await response.blob(), filenameFrom(response, `${prompt.name.replaceAll('/', '__')}.${format.value}`));
    } catch (error) { errors.show(error); }
  }, 'Preparing…'));
  const yaml = h('pre', { class: 'yaml mono' }, 'Loading…');
  replace(host,
    h('div', { class: 'grid two wide-left' },
      h('section', { class: 'card' },
        prompt.summary ? h('p', { class: 'lead' }, prompt.summary) : null,
        (prompt.tags || []).length ? h('p', {}, prompt.tags.map((t) => h('span', { class: 'chip' }, t))) : null,
        bodyView(prompt.prompt)),
      h('div', {},
        h('section', { class: 'card' }, h('h2', {}, 'Variables'),
          (prompt.variables || []).length ? h('ul', { class: 'plain' }, prompt.variables.map((v) => h('li', {},
            h('code', {}, v.name), ` ${v.type}`, v.required ? h('span', { class: 'badge' }, 'required') : null, v.sensitive ? h('span', { class: 'badge' }, 'sensitive') : null,
            v.options ? h('span', { class: 'muted small' }, ` (${v.options.join(' | ')})`) : null,
            v.default !== undefined ? h('span', { class: 'muted small' }, ` default ${JSON.stringify(v.default)}`) : null,
            v.description ? h('div', { class: 'muted small' }, v.description) : null))) : h('p', { class: 'muted' }, 'None.')),
        prompt.model ? h('section', { class: 'card' }, h('h2', {}, 'Model'), h('p', {}, [prompt.model.provider, prompt.model.name].filter(Boolean).join(' · ') || '—',
          prompt.model.temperature !== undefined ? ` · temperature ${prompt.model.temperature}` : '', prompt.model.top_p !== undefined ? ` · top p ${prompt.model.top_p}` : '',
          prompt.model.max_tokens ? ` · max ${prompt.model.max_tokens} tokens` : ''),
          prompt.model.params ? h('pre', { class: 'mono small' }, JSON.stringify(prompt.model.params, null, 2)) : null) : null,
        h('section', { class: 'card' }, h('h2', {}, 'Download'), errors, field('Format', format), downloadButton))),
    h('section', { class: 'card' }, h('div', { class: 'row between' }, h('h2', {}, 'YAML'), copyButton(() => yaml.textContent, 'Copy YAML')), yaml));
  try {
    replace(yaml, await api.get(api.url(`/api/v1/prompts/${encodeURIComponent(prompt.id)}`, { format: 'yaml' }), { as: 'text', headers: { Accept: 'application/yaml' } }));
  } catch (error) { replace(yaml, `The YAML cannot be shown: ${error.message}`); }
}
