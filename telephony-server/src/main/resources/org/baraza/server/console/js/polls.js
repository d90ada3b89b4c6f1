// Polls: the station's open polls with their tallies, refreshed every few seconds while the page is open (votes
// come by SMS, by keypad on the listener line and by missed call), and a form to put a new question.
import * as api from './api.js';
import { el, fill, problem, when } from './dom.js';

const REFRESH_MS = 3000;
const OPTIONS = 4;

export async function polls(body, context) {
  const list = el('div', { id: 'polls' });
  const updated = el('p', { class: 'muted', id: 'polls-updated' });
  const manages = context.session.roles.some(role => role.kind === 'NETWORK_ADMIN'
    || (role.kind === 'STATION_MANAGER' && role.stationId === context.station.id));
  fill(body, updated, list, manages ? form(context, () => refresh()) : null);
  let timer = null;
  let stopped = false;
  const refresh = async () => {
    clearTimeout(timer);
    try {
      const open = await api.get('/api/stations/' + context.station.id + '/polls');
      const details = await Promise.all(open.map(poll => api.get('/api/polls/' + poll.id)));
      fill(list, details.length === 0 ? el('p', { class: 'muted' }, 'No poll is open.') : details.map(card));
      fill(updated, 'Tallies as of ', new Date().toLocaleTimeString());
    } catch (error) {
      fill(updated, problem(error));
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
  };
  await refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

function card(detail) {
  const { poll, tally } = detail;
  const total = tally.options.reduce((sum, option) => sum + option.votes, 0);
  return el('article', { class: 'card poll', 'data-poll': poll.id },
    el('h2', {}, poll.question),
    el('p', { class: 'muted' }, 'Open ', when(poll.opensAt), ' to ', when(poll.closesAt), ' · ',
      el('span', { class: 'total', 'data-total': total }, total), ' votes'),
    tally.options.map(({ option, votes }) => el('div', { class: 'answer', 'data-option': option.position },
      el('div', {}, el('strong', {}, option.position, '. ', option.label), ' ',
        el('span', { class: 'muted' }, ways(option)), ' — ',
        el('span', { class: 'votes', 'data-votes': votes }, votes)),
      el('meter', { class: 'bar', min: 0, max: Math.max(total, 1), value: votes, 'aria-label': option.label + ': ' + votes + ' votes' }))));
}

function ways(option) {
  return [option.smsKeyword && 'text ' + option.smsKeyword, option.dtmfDigit && 'key ' + option.dtmfDigit,
    option.missedCallNumber && 'beep ' + option.missedCallNumber].filter(Boolean).join(', ');
}

function form(context, saved) {
  const error = el('p', { class: 'error', role: 'alert' });
  const rows = Array.from({ length: OPTIONS }, (unused, i) => el('div', { class: 'option-row' },
    el('input', { name: 'label' + i, placeholder: 'Answer ' + (i + 1) }),
    el('input', { name: 'keyword' + i, placeholder: 'SMS keyword', size: 10 }),
    el('input', { name: 'digit' + i, placeholder: 'Key', size: 2, maxlength: 1 })));
  const poll = el('form', { id: 'poll-form', class: 'stacked' },
    el('h2', {}, 'Put a question'),
    el('label', {}, 'Question', el('input', { name: 'question', required: true, size: 50 })),
    el('label', {}, 'Open for (minutes)', el('input', { name: 'minutes', type: 'number', min: 1, value: 60, required: true })),
    rows, el('button', { type: 'submit' }, 'Open the poll'), error);
  poll.addEventListener('submit', async event => {
    event.preventDefault();
    const f = poll.elements;
    const options = [];
    for (let i = 0; i < OPTIONS; i++) {
      const label = f['label' + i].value.trim();
      if (!label) continue;
      options.push({ position: options.length + 1, label, smsKeyword: f['keyword' + i].value.trim() || null,
        dtmfDigit: f['digit' + i].value.trim() || null, missedCallNumber: null });
    }
    const opensAt = new Date();
    const closesAt = new Date(opensAt.getTime() + Number(f.minutes.value) * 60000);
    try {
      await api.post('/api/stations/' + context.station.id + '/polls',
        { airing: null, question: f.question.value, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), options });
      poll.reset();
      fill(error);
      saved();
    } catch (failure) {
      fill(error, failure.message);
    }
  });
  return poll;
}
