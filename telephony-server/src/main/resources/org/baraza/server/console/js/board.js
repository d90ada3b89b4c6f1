// The live board: every station the user may see, as its daemon reports it, pushed by the server (GET /api/live,
// server-sent events): on air now (program, state, time left), the transmitter call, the host and callers in the
// conference, the queue, listeners on the line, the last failure. The browser's EventSource reconnects by itself;
// the server then sends the whole board again. The next airing and program names come from the REST API.
import * as api from './api.js';
import { el, fill, when } from './dom.js';

const HOUR_MS = 3600 * 1000;
const AIR = { ON_AIR: ['ON AIR', 'on'], PREPARING: ['PREPARING', 'on'], BETWEEN: ['BETWEEN PROGRAMS', 'off'], OFF_AIR: ['off air', 'off'] };
const TRANSMITTER = { UP: 'up', DIALLING: 'dialling', WAITING: 'unreachable, retrying', HANGING_UP: 'hanging up', IDLE: 'not needed' };

export async function board(body, context) {
  const grid = el('div', { class: 'board', id: 'board' });
  const status = el('p', { class: 'muted', id: 'board-updated' }, 'Connecting…');
  fill(body, status, grid);
  const programs = new Map();
  try {
    (await api.get('/api/programs')).forEach(program => programs.set(program.id, program.name));
  } catch (error) {
    // Without the names the board still works: it names programs by their number.
  }
  const cards = new Map();
  for (const station of context.stations) {
    const card = { station, entry: null, airings: [], node: el('article', { class: 'card', 'data-station': station.id }) };
    cards.set(station.id, card);
    grid.append(card.node);
    loadAirings(card).then(() => draw(card, programs));
  }
  const feed = new EventSource('/api/live');
  feed.addEventListener('open', () => fill(status, 'Live: changes show as they happen.'));
  feed.addEventListener('error', () => fill(status, el('span', { class: 'error' }, 'Connection lost; reconnecting…')));
  feed.addEventListener('station', async message => {
    const entry = JSON.parse(message.data);
    const card = cards.get(entry.station);
    if (!card) return;
    const airing = entry.status && entry.status.airing;
    card.entry = entry;
    if (airing && !card.airings.some(known => known.id === airing)) await loadAirings(card);
    draw(card, programs);
    fill(status, 'Live: last change ', new Date().toLocaleTimeString());
  });
  // Time left counts down between changes (only the count is rewritten: the rest of a card changes with the feed).
  const ticker = setInterval(() => grid.querySelectorAll('.left').forEach(span => {
    span.textContent = left(span.dataset.end, Date.now());
  }), 1000);
  return () => { feed.close(); clearInterval(ticker); };
}

async function loadAirings(card) {
  const now = Date.now();
  const range = '?from=' + new Date(now - 24 * HOUR_MS).toISOString() + '&to=' + new Date(now + 24 * HOUR_MS).toISOString();
  try {
    card.airings = await api.get('/api/stations/' + card.station.id + '/airings' + range);
  } catch (error) {
    card.airings = [];
  }
}

function draw(card, programs) {
  const now = Date.now();
  const entry = card.entry;
  const status = entry && entry.status;
  const programOf = airingId => {
    const airing = card.airings.find(known => known.id === airingId);
    return airing ? programs.get(airing.programId) || 'program ' + airing.programId : 'airing ' + airingId;
  };
  const next = card.airings.filter(airing => String(airing.status).toUpperCase() === 'SCHEDULED' && Date.parse(airing.plannedStart) > now)
    .sort((a, b) => Date.parse(a.plannedStart) - Date.parse(b.plannedStart))[0];
  const lines = [el('h2', {}, card.station.name)];
  if (!entry) {
    lines.push(el('p', { class: 'muted' }, 'Waiting for the station’s daemon…'));
  } else if (!entry.daemon) {
    lines.push(el('p', {}, el('span', { class: 'state failed', 'data-air': 'NO_DAEMON' }, 'NO DAEMON'), ' no station daemon runs it now'));
  }
  if (status) {
    const [label, tone] = AIR[status.air] || [status.air, 'off'];
    const air = el('p', { class: 'air' }, el('span', { class: 'state ' + tone, 'data-air': status.air }, label));
    if (status.airing) {
      air.append(' ', el('strong', { class: 'program' }, programOf(status.airing)));
      if (status.programState) air.append(' ', el('span', { class: 'muted' }, '(' + status.programState.toLowerCase().replace(/_/g, ' ') + ')'));
      if (status.air === 'ON_AIR') air.append(', ', el('span', { class: 'left', 'data-end': status.plannedEnd }, left(status.plannedEnd, now)), ' left');
      if (status.air === 'PREPARING') air.append(', starts ', when(status.plannedStart));
    }
    lines.push(air);
    if (status.playing) lines.push(el('p', { class: 'muted' }, 'Playing: ', status.playing));
    const up = status.transmitter === 'UP';
    lines.push(el('p', { class: 'transmitter' }, 'Transmitter: ',
      el('span', { class: 'state ' + (up ? 'on' : status.transmitter === 'IDLE' ? 'off' : 'failed'), 'data-transmitter': status.transmitter },
        TRANSMITTER[status.transmitter] || status.transmitter),
      status.transmitterSince ? el('span', { class: 'muted' }, (up ? ' since ' : ' air lost ') + when(status.transmitterSince)) : null));
    if (status.programType === 'live_talk') {
      lines.push(el('p', { class: 'people' },
        'Host: ', el('span', { 'data-host': String(status.host) }, status.host ? 'in the studio' : 'not in'),
        ' · On air: ', el('span', { 'data-speaking': status.speaking }, status.speaking),
        ' · Queue: ', el('span', { 'data-waiting': status.waiting }, status.waiting)));
    }
    lines.push(el('p', { class: 'muted' }, 'Listeners on the line: ', el('span', { 'data-listeners': status.listeners }, status.listeners)));
    if (status.lastFailure) {
      lines.push(el('p', {}, el('span', { class: 'state failed' }, 'Last failure: '), status.lastFailure, ' at ', when(status.lastFailureAt)));
    }
  }
  lines.push(el('p', { class: 'muted' }, 'Next: ', next ? when(next.plannedStart) + ' — ' + (programs.get(next.programId) || 'program ' + next.programId) : 'nothing planned today'));
  fill(card.node, lines);
}

function left(plannedEnd, now) {
  const ms = Math.max(0, Date.parse(plannedEnd) - now);
  return Math.floor(ms / 60000) + ' min ' + String(Math.floor((ms % 60000) / 1000)).padStart(2, '0') + ' s';
}
