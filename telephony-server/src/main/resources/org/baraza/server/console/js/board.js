// The live board: every station the user may see, what is on air, and the daemons' FreeSWITCH connections.
// Refreshed from the API every few seconds (a push feed from the daemon is still to come).
import * as api from './api.js';
import { el, fill, problem, when } from './dom.js';

const REFRESH_MS = 3000;
const HOUR_MS = 3600 * 1000;

export function board(body, context) {
  const grid = el('div', { class: 'board', id: 'board' });
  const status = el('p', { class: 'muted', id: 'board-updated' });
  fill(body, status, grid);
  let timer = null;
  const refresh = async () => {
    try {
      const now = Date.now();
      const cards = await Promise.all(context.stations.map(station => card(station, now)));
      fill(grid, cards);
      fill(status, 'Updated ', new Date(now).toLocaleTimeString());
    } catch (error) {
      fill(status, problem(error));
    }
    timer = setTimeout(refresh, REFRESH_MS);
  };
  refresh();
  return () => clearTimeout(timer);
}

async function card(station, now) {
  const range = '?from=' + new Date(now - 24 * HOUR_MS).toISOString() + '&to=' + new Date(now + 24 * HOUR_MS).toISOString();
  const airings = await api.get('/api/stations/' + station.id + '/airings' + range);
  const status = airing => String(airing.status).toUpperCase();
  const live = airings.find(airing => ['ON_AIR', 'PREPARING'].includes(status(airing)));
  const next = airings.filter(airing => status(airing) === 'SCHEDULED' && Date.parse(airing.plannedStart) > now)
    .sort((a, b) => Date.parse(a.plannedStart) - Date.parse(b.plannedStart))[0];
  const failed = airings.filter(airing => airing.failureCause)
    .sort((a, b) => Date.parse(b.plannedEnd) - Date.parse(a.plannedEnd))[0];
  return el('article', { class: 'card', 'data-station': station.id },
    el('h2', {}, station.name),
    live
      ? el('p', {}, el('span', { class: 'state on' }, status(live) === 'ON_AIR' ? 'ON AIR' : 'PREPARING'), ' ',
        'airing ', live.id, ' (program ', live.programId, '), ', minutesLeft(live, now), ' left')
      : el('p', {}, el('span', { class: 'state off' }, 'off air')),
    el('p', { class: 'muted' }, 'Next: ', next ? when(next.plannedStart) + ' (program ' + next.programId + ')' : 'nothing planned today'),
    failed ? el('p', {}, el('span', { class: 'state failed' }, 'Last failure: '), failed.failureCause, ' at ', when(failed.plannedStart)) : null);
}

function minutesLeft(airing, now) {
  const left = Math.max(0, Date.parse(airing.plannedEnd) - now);
  return Math.floor(left / 60000) + ' min ' + Math.floor((left % 60000) / 1000) + ' s';
}
