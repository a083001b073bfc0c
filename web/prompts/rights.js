// What the signed-in account may do with a prompt, so that pages offer only what the server will
// allow (the server decides in the end): the owner and admins everything; collaborators write,
// label (not production) and share; viewers read.
import * as api from '../lib/api.js';

/** `{ owns, canWrite }` for `prompt` and the signed-in account. */
export async function rightsOn(prompt) {
  const user = api.user();
  const owns = user.role === 'admin' || (user.role !== 'viewer' && prompt.owner === user.username);
  if (owns || user.role === 'viewer') return { owns, canWrite: owns };
  const collaborators = await api.all(`/api/v1/prompts/${encodeURIComponent(prompt.id)}/collaborators`).catch(() => []);
  return { owns, canWrite: collaborators.some((c) => c.username === user.username) };
}
