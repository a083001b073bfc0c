// Ratings: rate a version 1–5 with a note; the average, count and histogram per version.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { go } from '../lib/router.js';
import { errorSlot, field, busy, toast, table } from '../lib/ui.js';

function histogram(summary) {
  const max = Math.max(1, ...Object.values(summary.histogram || {}));
  return h('div', { class: 'histogram', role: 'img', 'aria-label': `Average ${summary.average ? summary.average.toFixed(2) : '—'} from ${summary.count} ratings` },
    [5, 4, 3, 2, 1].map((score) => {
      const count = (summary.histogram || {})[score] || 0;
      const bar = h('span', { class: 'bar' });
      bar.style.width = `${Math.round((count / max) * 100)}%`;
      return h('div', { class: 'histogram-row' }, h('span', { class: 'score' }, `${score}★`), h('span', { class: 'track' }, bar), h('span', { class: 'count' }, String(count)));
    }));
}

function summaryCard(title, summary) {
  return h('div', { class: 'card rating-summary' }, h('h3', {}, title),
    h('p', { class: 'big' }, summary.count ? `${summary.average.toFixed(2)} ★` : '—', h('span', { class: 'muted small' }, ` ${summary.count} rating${summary.count === 1 ? '' : 's'}`)),
    histogram(summary));
}

/** The ratings tab. */
export async function renderRatings(host, prompt) {
  const base = `/api/v1/prompts/${encodeURIComponent(prompt.id)}`;
  const ratings = await api.get(api.url(`${base}/ratings`, { limit: 100 }));
  const errors = errorSlot();
  const version = h('select', { name: 'version' }, Array.from({ length: prompt.version }, (_, i) => prompt.version - i).map((n) => h('option', { value: n }, `version ${n}`)));
  const scores = h('div', { class: 'stars', role: 'radiogroup', 'aria-label': 'Score' }, [1, 2, 3, 4, 5].map((n) => h('label', { class: 'star' },
    h('input', { type: 'radio', name: 'score', value: n, required: true }), h('span', {}, `${n}★`))));
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 2000 });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'rate' }, 'Rate');
  const byVersion = Object.entries(ratings.by_version || {}).sort((a, b) => Number(b[0]) - Number(a[0]));

  replace(host,
    h('div', { class: 'grid two' },
      h('form', { class: 'card', onsubmit: (event) => {
        event.preventDefault();
        const chosen = scores.querySelector('input:checked');
        errors.clear();
        if (!chosen) { errors.show(new Error('Choose a score from 1 to 5.')); return; }
        busy(submit, async () => {
          try {
            await api.put(`${base}/ratings/mine`, { version: Number(version.value), score: Number(chosen.value), ...(note.value.trim() ? { note: note.value.trim() } : {}) });
            toast('Thanks — rating saved');
            go(`/prompts/${prompt.id}/ratings`);
          } catch (error) { errors.show(error); }
        });
      } }, h('h2', {}, 'Your rating'), h('p', { class: 'muted small' }, 'One rating per version; rating again replaces yours.'),
      errors, field('Version', version), h('fieldset', {}, h('legend', {}, 'Score'), scores), field('Note (optional)', note), submit),
      summaryCard('All versions', ratings.summary)),
    byVersion.length ? h('div', { class: 'grid three' }, byVersion.map(([v, summary]) => summaryCard(`Version ${v}`, summary))) : null,
    h('section', { class: 'card' }, h('h2', {}, 'Ratings'), table(ratings.data, [
      { label: 'Version', cell: (r) => `v${r.version}` }, { label: 'Score', cell: (r) => `${r.score}★` },
      { label: 'By', cell: (r) => r.username }, { label: 'When', cell: (r) => when(r.rated_at) }, { label: 'Note', cell: (r) => r.note || '' },
    ], 'No ratings yet.')));
}
