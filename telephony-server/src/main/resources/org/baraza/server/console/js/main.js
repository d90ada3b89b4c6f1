// The console's shell: signs in, shows the pages the user's roles allow, and routes by the URL's hash
// (#/board, #/calendar/3 ...: the page and, for station pages, the station).
import * as api from './api.js';
import { el, fill, problem } from './dom.js';
import { board } from './board.js';
import { calendar } from './calendar.js';
import { moderation } from './moderation.js';
import { polls } from './polls.js';
import { mediaLibrary } from './media.js';
import { smsInbox, callLog, asAired, auditLog } from './logs.js';

const MANAGER = ['NETWORK_ADMIN', 'STATION_MANAGER'];
const EVERYONE = [...MANAGER, 'HOST'];

/** Each page: its hash, title, who sees it, whether it is about one station, and what draws it. */
const PAGES = [
  { id: 'board', title: 'Live board', roles: EVERYONE, perStation: false, draw: board },
  { id: 'calendar', title: 'Calendar', roles: EVERYONE, perStation: true, draw: calendar },
  { id: 'moderation', title: 'Moderation', roles: MANAGER, perStation: true, draw: moderation },
  { id: 'media', title: 'Media', roles: MANAGER, perStation: true, draw: mediaLibrary },
  { id: 'sms', title: 'SMS inbox', roles: EVERYONE, perStation: true, draw: smsInbox },
  { id: 'polls', title: 'Polls', roles: EVERYONE, perStation: true, draw: polls },
  { id: 'calls', title: 'Call log', roles: MANAGER, perStation: true, draw: callLog },
  { id: 'aired', title: 'As aired', roles: EVERYONE, perStation: true, draw: asAired },
  { id: 'audit', title: 'Audit log', roles: MANAGER, perStation: true, draw: auditLog },
];

const page = document.getElementById('page');
let session = null;
let stations = [];
let stopPage = () => {};

async function start() {
  session = await api.me();
  if (!session) return showSignIn();
  stations = await api.get('/api/stations');
  const roles = new Set(session.roles.map(role => role.kind));
  if (session.hostStations.length > 0) roles.add('HOST');
  session.pages = PAGES.filter(candidate => candidate.roles.some(role => roles.has(role)));
  fill(document.getElementById('who'), session.user.displayName || session.user.email, ' ',
    el('button', { class: 'secondary', id: 'sign-out', onclick: async () => { await api.signOut(); location.hash = ''; start(); } }, 'Sign out'));
  window.addEventListener('hashchange', show);
  show();
}

function showSignIn() {
  fill(document.getElementById('nav'));
  fill(document.getElementById('who'));
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { id: 'sign-in' },
    el('label', {}, 'Email', el('input', { name: 'email', type: 'email', required: true, autocomplete: 'username' })),
    el('label', {}, 'Password', el('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
    el('button', { type: 'submit' }, 'Sign in'), error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api.signIn(form.elements.email.value, form.elements.password.value);
      start();
    } catch (failure) {
      fill(error, failure.message);
    }
  });
  fill(page, el('section', { class: 'signin' }, el('h1', {}, 'Sign in to Baraza'), form));
}

function show() {
  const [id, stationText] = location.hash.replace(/^#\/?/, '').split('/');
  const current = session.pages.find(candidate => candidate.id === id) || session.pages[0];
  const station = stations.find(candidate => String(candidate.id) === stationText) || stations[0];
  fill(document.getElementById('nav'), session.pages.map(candidate => el('a', {
    href: '#/' + candidate.id + (candidate.perStation && station ? '/' + station.id : ''),
    'aria-current': candidate === current ? 'page' : null,
  }, candidate.title)));
  stopPage();
  stopPage = () => {};
  const body = el('div', { id: 'page-body' });
  const picker = current.perStation && stations.length > 1 ? stationPicker(current, station) : null;
  fill(page, el('h1', {}, current.title, station && current.perStation ? ' — ' + station.name : ''), picker, body);
  if (current.perStation && !station) return fill(body, el('p', { class: 'muted' }, 'No station to show.'));
  Promise.resolve(current.draw(body, { station, stations, session }))
    .then(stop => { if (typeof stop === 'function') stopPage = stop; })
    .catch(error => fill(body, problem(error)));
}

function stationPicker(current, station) {
  const select = el('select', { id: 'station', onchange: () => { location.hash = '#/' + current.id + '/' + select.value; } },
    stations.map(candidate => el('option', { value: candidate.id, selected: candidate === station }, candidate.name)));
  return el('label', {}, 'Station', select);
}

start().catch(error => fill(page, problem(error)));
