// Who else is on a prompt, and what happened to it, in words.
import { h } from '../lib/dom.js';

/** "Also here: ana (editing), bob" for the people other than `me`; nothing when alone. */
export function presenceLine(people, me) {
  const others = (people || []).filter((p) => p.user_id !== me);
  if (!others.length) return null;
  const parts = [];
  others.forEach((p, index) => {
    if (index) parts.push(', ');
    parts.push(p.state === 'editing' ? h('span', { class: 'editing' }, `${p.username} (editing)`) : p.username);
  });
  return h('span', {}, 'Also here: ', ...parts);
}

/** Others editing, among `people`, other than `me`. */
export function othersEditing(people, me) {
  return (people || []).filter((p) => p.user_id !== me && p.state === 'editing').map((p) => p.username);
}

/** A prompt event as a sentence. */
export function describeEvent(message) {
  switch (message.type) {
    case 'prompt.version_created': return `Version ${message.version || 'new'} was just saved.`;
    case 'prompt.label_moved': return `${message.label} now points at version ${message.version}.`;
    case 'prompt.label_removed': return `${message.label} was removed.`;
    case 'prompt.archived': return 'This prompt was just archived.';
    case 'prompt.restored': return 'This prompt was just restored.';
    default: return 'This prompt changed.';
  }
}
