// The moderation queue: listeners' recorded messages, played in the browser, approved or rejected.
import * as api from './api.js';
import { el, fill, table, when } from './dom.js';

export async function moderation(body, context) {
  const pending = await api.get('/api/stations/' + context.station.id + '/recordings/pending');
  const decide = (recording, verdict) => async () => {
    await api.post('/api/recordings/' + recording.id + '/' + verdict);
    return moderation(body, context);
  };
  fill(body, table([
    ['Left', recording => when(recording.createdAt)],
    ['Caller', recording => el('span', { class: 'caller-number' }, recording.callerNumber || 'unknown')],
    ['Length', recording => recording.duration],
    ['Listen', recording => el('audio', { controls: true, preload: 'none', src: '/api/recordings/' + recording.id + '/audio' })],
    ['', recording => [
      el('button', { class: 'approve', 'data-recording': recording.id, onclick: decide(recording, 'approve') }, 'Approve'), ' ',
      el('button', { class: 'reject secondary', 'data-recording': recording.id, onclick: decide(recording, 'reject') }, 'Reject')]],
  ], pending, 'No messages waiting.'));
}
