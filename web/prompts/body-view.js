// A prompt's body, read-only: goal, audience, context, steps, constraints, output, examples and
// explicit messages — what the overview and a shared link's page both show.
import { h } from '../lib/dom.js';

/** The body `p` (a document's `prompt`), with section headings of the tag `heading`. */
export function bodyView(p = {}, heading = 'h3') {
  const section = (title, ...content) => h('div', { class: 'doc-section' }, h(heading, {}, title), content);
  const text = (title, value) => (value ? section(title, h('p', { class: 'pre-wrap' }, value)) : null);
  const list = (title, values) => ((values || []).length ? section(title, h('ol', {}, values.map((v) => h('li', { class: 'pre-wrap' }, v)))) : null);
  const output = p.output ? [p.output.format, (p.output.fields || []).join(', ')].filter(Boolean).join(' — ') : '';
  return [
    text('Goal', p.goal), text('Audience', p.audience), text('Context', p.context),
    list('Steps', p.steps), list('Constraints', p.constraints), text('Output', output),
    (p.examples || []).length ? section('Examples', p.examples.map((e) => h('div', { class: 'example' },
      h('div', { class: 'pre-wrap' }, h('strong', {}, 'Input: '), e.input), h('div', { class: 'pre-wrap' }, h('strong', {}, 'Output: '), e.output)))) : null,
    (p.messages || []).length ? section('Messages', p.messages.map((m) => h('div', { class: 'message' },
      h('span', { class: 'badge' }, m.role), h('p', { class: 'pre-wrap' }, m.content)))) : null,
  ];
}
