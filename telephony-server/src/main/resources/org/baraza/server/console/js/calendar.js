// A station's week: its schedules' occurrences in the station's time zone, and a form to add a schedule
// (once or recurring by an RRULE) or move one.
import * as api from './api.js';
import { el, fill, problem } from './dom.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export async function calendar(body, context, week = null) {
  const path = '/api/stations/' + context.station.id;
  const [shown, programs] = await Promise.all([
    api.get(path + '/calendar' + (week ? '?week=' + week : '')), api.get('/api/programs')]);
  const monday = shown.monday;
  const dayOf = offset => addDays(monday, offset);
  const days = DAYS.map((code, offset) => el('section', { class: 'day', 'data-day': dayOf(offset) },
    el('h3', {}, code, ' ', dayOf(offset)),
    shown.occurrences.filter(slot => slot.startsLocal.slice(0, 10) === dayOf(offset)).map(slot =>
      el('div', { class: 'slot' + (slot.recurring ? ' recurring' : ''), 'data-schedule': slot.schedule, title: 'schedule ' + slot.schedule },
        slot.startsLocal.slice(11, 16), '–', slot.endsLocal.slice(11, 16), ' ', slot.programName ?? ('program ' + slot.program),
        slot.recurring ? ' ↻' : '',
        ' ', el('button', { class: 'secondary edit', onclick: () => edit(slot.schedule) }, 'edit')))));
  const error = el('p', { class: 'error', role: 'alert', id: 'schedule-error' });
  const form = scheduleForm(programs, monday);
  const go = offset => () => calendar(body, context, addDays(monday, offset));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const editing = form.dataset.schedule;
    try {
      const settings = formSettings(form);
      if (editing) await api.put('/api/schedules/' + editing, settings);
      else await api.post(path + '/schedules', settings);
      await calendar(body, context, settings.startsLocal.slice(0, 10));
    } catch (failure) {
      fill(error, problem(failure));
    }
  });
  async function edit(id) {
    const schedule = await api.get('/api/schedules/' + id);
    form.dataset.schedule = id;
    form.elements.program.value = schedule.programId;
    form.elements.startsLocal.value = schedule.startsLocal.slice(0, 16);
    form.elements.minutes.value = minutes(schedule.duration);
    form.elements.rrule.value = schedule.recurrence ?? '';
    form.querySelector('button[type=submit]').textContent = 'Save schedule ' + id;
  }
  fill(body,
    el('p', {}, el('button', { class: 'secondary', id: 'week-before', onclick: go(-7) }, '← week before'), ' ',
      'Week of ', monday, ' in ', shown.timeZone, ' ',
      el('button', { class: 'secondary', id: 'week-after', onclick: go(7) }, 'week after →')),
    el('div', { class: 'week', id: 'week' }, days), el('h2', {}, 'Schedule a program'), form, error);
}

function scheduleForm(programs, monday) {
  return el('form', { class: 'inline', id: 'schedule-form' },
    el('label', {}, 'Program', el('select', { name: 'program', required: true },
      programs.map(program => el('option', { value: program.id }, program.name)))),
    el('label', {}, 'Starts (station time)', el('input', { name: 'startsLocal', type: 'datetime-local', required: true, value: monday + 'T08:00' })),
    el('label', {}, 'Minutes', el('input', { name: 'minutes', type: 'number', min: 1, max: 1440, value: 60, required: true })),
    el('label', {}, 'Repeat (RRULE, empty for once)', el('input', { name: 'rrule', placeholder: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', size: 30 })),
    el('button', { type: 'submit' }, 'Add schedule'));
}

function formSettings(form) {
  const rrule = form.elements.rrule.value.trim();
  const startsLocal = form.elements.startsLocal.value;
  return {
    program: Number(form.elements.program.value),
    startsLocal: startsLocal.length === 16 ? startsLocal + ':00' : startsLocal,
    duration: 'PT' + Number(form.elements.minutes.value) + 'M',
    rrule: rrule === '' ? null : rrule,
  };
}

function minutes(isoDuration) {
  const match = /PT(?:(\d+)H)?(?:(\d+)M)?/.exec(isoDuration) || [];
  return Number(match[1] || 0) * 60 + Number(match[2] || 0);
}

function addDays(isoDate, days) {
  const date = new Date(isoDate + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
