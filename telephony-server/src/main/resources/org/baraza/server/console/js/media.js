// The media library of a station: its own media and what the network shares, with a player, and an upload form
// that shows the upload's progress and what the server made of it. Titles are people's text: set as text, never
// as markup.
import * as api from './api.js';
import { el, fill, table, when } from './dom.js';

const KINDS = ['RECORDING', 'MUSIC', 'JINGLE', 'NEWS', 'NOTICE'];

/** 185000 ms as "3:05". */
export function minutesSeconds(ms) {
  const seconds = Math.round(ms / 1000);
  return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
}

export async function mediaLibrary(body, context) {
  const path = '/api/stations/' + context.station.id + '/media';
  const list = el('div', { id: 'media-list' });
  const progress = el('progress', { id: 'upload-progress', max: 100, value: 0, hidden: true });
  const status = el('p', { id: 'upload-status', role: 'status' });
  const button = el('button', { type: 'submit' }, 'Upload');
  const form = el('form', { id: 'media-form', class: 'inline' },
    el('label', {}, 'File (WAV or MP3)',
      el('input', { name: 'file', type: 'file', accept: '.wav,.mp3,audio/wav,audio/mpeg', required: true })),
    el('label', {}, 'Title', el('input', { name: 'title', maxlength: 200, placeholder: 'the file’s name' })),
    el('label', {}, 'Kind', el('select', { name: 'kind' }, KINDS.map(kind => el('option', { value: kind }, kind.toLowerCase())))),
    el('label', {}, 'Language', el('input', { name: 'language', size: 6, placeholder: 'e.g. sw' })),
    button, progress);

  async function draw() {
    const media = await api.get(path);
    fill(list, table([
      ['Title', item => el('span', { class: 'media-title', 'data-media': item.id }, item.title)],
      ['Length', item => el('span', { class: 'media-duration', 'data-media': item.id }, minutesSeconds(item.durationMs))],
      ['Kind', item => item.kind.toLowerCase().replace('_', ' ')],
      ['For', item => item.stationId === null ? 'the network' : 'this station'],
      ['Added', item => when(item.createdAt)],
      ['Listen', item => el('audio', { controls: true, preload: 'none', src: '/api/media/' + item.id + '/audio' })],
    ], media, 'No media yet: upload a WAV or MP3 file.'));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.className = '';
    fill(status, 'Uploading…');
    try {
      const media = await api.upload(path, new FormData(form), fraction => {
        progress.value = Math.round(fraction * 100);
        if (fraction >= 1) fill(status, 'Converting for the phone line…');
      });
      fill(status, 'Added “', media.title, '”: ', minutesSeconds(media.durationMs), ', mono at ',
        media.sampleRateHz / 1000, ' kHz, level normalised.');
      form.reset();
      await draw();
    } catch (failure) {
      status.className = 'error';
      fill(status, 'Not added: ', failure.message);
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });

  fill(body, form, status, list);
  await draw();
}
