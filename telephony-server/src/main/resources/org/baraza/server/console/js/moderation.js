// The moderation queue: listeners' recorded messages, played in the browser, approved (only, or into one of the
// station's playlists: its filler, a show's running order, to be played on air) or rejected.
import * as api from './api.js';
import { el, fill, problem, table, when } from './dom.js';

export async function moderation(body, context) {
  const [pending, playlists] = await Promise.all([
    api.get('/api/stations/' + context.station.id + '/recordings/pending'),
    api.get('/api/stations/' + context.station.id + '/playlists'),
  ]);
  const error = el('div', { id: 'moderation-error' });
  const decide = (recording, verdict, into) => async () => {
    try {
      const playlist = into && into.value ? Number(into.value) : null;
      await api.post('/api/recordings/' + recording.id + '/' + verdict, playlist ? { playlist } : {});
      return moderation(body, context);
    } catch (failure) {
      fill(error, problem(failure));
    }
  };
  const target = recording => el('select', { class: 'approve-into', 'data-recording': recording.id, 'aria-label': 'Approve into' },
    el('option', { value: '' }, 'Approve only'),
    playlists.map(playlist => el('option', { value: playlist.id }, 'Into ' + playlist.name + ' (' + String(playlist.kind).toLowerCase() + ')')));
  fill(body, error, table([
    ['Left', recording => when(recording.createdAt)],
    ['Caller', recording => el('span', { class: 'caller-number' }, recording.callerNumber || 'unknown')],
    ['Length', recording => recording.duration],
    ['Listen', recording => el('audio', { controls: true, preload: 'none', src: '/api/recordings/' + recording.id + '/audio' })],
    ['', recording => {
      const into = target(recording);
      return [into, ' ',
        el('button', { class: 'approve', 'data-recording': recording.id, onclick: decide(recording, 'approve', into) }, 'Approve'), ' ',
        el('button', { class: 'reject secondary', 'data-recording': recording.id, onclick: decide(recording, 'reject') }, 'Reject')];
    }],
  ], pending, 'No messages waiting.'));
}
