// The read-only logs of a station: SMS inbox, call log, as-aired log, audit log. Listeners' text (SMS bodies,
// numbers) is set as text by table(), never as markup.
import * as api from './api.js';
import { el, fill, table, when } from './dom.js';

const station = context => '/api/stations/' + context.station.id;

export async function smsInbox(body, context) {
  const messages = await api.get(station(context) + '/sms');
  fill(body, table([
    ['Received', message => when(message.createdAt)],
    ['From', message => message.fromAddress],
    ['Message', message => el('span', { class: 'sms-body' }, message.body)],
    ['Status', message => message.status],
  ], messages, 'No messages.'));
}

export async function callLog(body, context) {
  const calls = await api.get(station(context) + '/calls');
  const parts = [table([
    ['Started', call => when(call.startedAt)],
    ['Direction', call => call.direction],
    ['From', call => el('span', { class: 'caller-number' }, call.fromNumber)],
    ['To', call => call.toNumber],
    ['Answered', call => when(call.answeredAt)],
    ['Ended', call => when(call.endedAt)],
    ['Outcome', call => call.disposition],
  ], calls, 'No calls.'), el('p', {}, el('a', { href: station(context) + '/calls.csv' }, 'Download CSV'))];
  if (context.session.roles.some(role => role.kind === 'NETWORK_ADMIN')) {
    const callers = await api.get('/api/callers');
    parts.push(el('h2', {}, 'Callers'), table([
      ['Number', caller => caller.phoneNumber],
      ['Name', caller => el('span', { class: 'caller-name' }, caller.name)],
      ['Last seen', caller => when(caller.lastSeenAt)],
    ], callers, 'No callers.'));
  }
  fill(body, ...parts);
}

export async function asAired(body, context) {
  const airings = await api.get(station(context) + '/airings');
  fill(body, table([
    ['Planned', airing => when(airing.plannedStart) + ' – ' + when(airing.plannedEnd)],
    ['On air', airing => when(airing.actualStart) + ' – ' + when(airing.actualEnd)],
    ['Program', airing => airing.programId],
    ['Status', airing => airing.status],
    ['Failure', airing => airing.failureCause || ''],
  ], airings.slice().reverse(), 'Nothing aired in the last week.'),
  el('p', {}, el('a', { href: station(context) + '/airings.csv' }, 'Download CSV')));
}

export async function auditLog(body, context) {
  const entries = await api.get(station(context) + '/audit');
  fill(body, table([
    ['When', entry => when(entry.occurredAt)],
    ['Who', entry => entry.actor],
    ['What', entry => entry.action],
    ['Thing', entry => entry.entityType + ' ' + entry.entityId],
    ['After', entry => el('code', {}, entry.after == null ? '' : JSON.stringify(entry.after))],
  ], entries, 'No changes yet.'));
}
