// One partner's page: profile and priorities, programmes and their objectives, activity per quarter
// against the chosen pace, activities by area, exercises. Re-read whenever the stream says it changed.
import { ApiError, api, withRetry } from './api.js';
import { areasChart, quarterlyChart } from './charts.js';
import { fill, flash, h } from './dom.js';
import {
  PACE_EXPLAINED, agoElement, areaLabel, dateText, frameworkLabel, objectivesBar, paceBadge, quarterOf,
  quartersBefore, ratioText, refreshAgoTexts, statusLabel,
} from './format.js';
import { connectLive } from './live.js';

const CHART_QUARTERS = 12;
// One partner is a few small reads: four a second at most keeps a backfill cheap and a lone change instant.
const MIN_READ_INTERVAL_MS = 250;
const partnerId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');

const $ = (id) => document.getElementById(id);
let charts = null;

function tile(id, value, label, note, pace) {
  return h('li', { class: 'tile', id, dataset: pace ? { pace } : {} },
    h('span', { class: 'figure-value' }, value), h('span', { class: 'figure-label' }, label),
    note ? h('span', { class: 'figure-note' }, note) : null);
}

function renderHead(view) {
  const profile = view.profile;
  const name = profile?.name ?? partnerId;
  document.title = `${name} · PfP Tracker`;
  fill($('partner-name'), name);
  fill($('crumb'), name);
  fill($('partner-pace'), paceBadge(view.pace.status),
    view.pace.ratio === null ? null : h('span', { class: 'ratio' }, `${ratioText(view.pace.ratio)} of its chosen pace`));
  fill($('partner-meta'), profile
    ? [frameworkLabel(profile.framework), ' · ', statusLabel(profile.status), ' since ', dateText(profile.statusSince),
      ' · joined ', dateText(profile.joinedOn)]
    : 'Its PartnerJoined event has not arrived yet; what is known so far is shown below.');
}

function renderFigures(view) {
  const { pace, activities, exercises, programmes, freshness } = view;
  const agreed = programmes.reduce((sum, p) => sum + p.objectivesAgreed, 0);
  const achieved = programmes.reduce((sum, p) => sum + p.achieved, 0);
  const overdue = programmes.reduce((sum, p) => sum + p.overdue, 0);
  const next = exercises.next;
  const previous = new Map([...$('figures').children].map((li) => [li.id, li.textContent]));
  fill($('figures'),
    tile('figure-completed', pace.completedLast12Months, 'Completed, last 12 months',
      pace.targetPerYear ? `chosen pace ${pace.targetPerYear} a year` : 'no pace chosen', pace.status),
    tile('figure-activities', activities.total, 'Activities in all',
      ['PROPOSED', 'APPROVED', 'CANCELLED'].map((s) => `${activities.byState[s] ?? 0} ${s.toLowerCase()}`).join(' · ')),
    tile('figure-lead-time', pace.medianLeadTimeDays === null ? '—' : `${Math.round(pace.medianLeadTimeDays)} d`,
      'Median lead time', 'from proposal to completion'),
    tile('figure-objectives', agreed ? `${achieved}/${agreed}` : '—', 'Objectives achieved',
      agreed ? `${overdue} overdue · ${programmes.length} programme${programmes.length === 1 ? '' : 's'}` : 'no programme agreed'),
    tile('figure-next-exercise', next ? dateText(next.startsOn) : '—', 'Next exercise', next ? next.name : 'none scheduled'),
    h('li', { class: 'tile', id: 'figure-last-event' },
      h('span', { class: 'figure-value' }, agoElement(freshness.lastEventAt)), h('span', { class: 'figure-label' }, 'Last event'),
      h('span', { class: 'figure-note' }, `${freshness.eventsApplied} events applied`)));
  // Only what changed lights up, so the eye goes to it.
  for (const li of $('figures').children) {
    if (previous.size && previous.get(li.id) !== li.textContent) flash(li);
  }
}

function renderPriorities(view) {
  const priorities = view.profile?.priorities ?? [];
  fill($('priorities'), priorities.map((area) => h('li', {}, areaLabel(area))));
  $('priorities-intro').textContent = priorities.length
    ? 'The partner\u2019s chosen priorities, highest first (★ in the chart):'
    : 'The partner has not chosen its priorities yet.';
  const share = view.activities.completedInPriorityAreasShare;
  $('priority-share').textContent = share === null ? '' : `${Math.round(share * 100)}% of completed in priority areas`;
}

function renderProgramme(programme, detail) {
  const open = programme.objectivesAgreed - programme.achieved - programme.overdue;
  const objectives = detail?.objectives ?? [];
  const assessment = programme.lastAssessment;
  return h('li', { class: 'programme', dataset: { programmeId: programme.programmeId } },
    h('div', { class: 'programme-head' },
      h('h3', {}, `${programme.type} · ${programme.programmeId}`),
      h('span', { class: 'muted' }, `${dateText(programme.periodStart)} – ${dateText(programme.periodEnd)}`),
      assessment ? h('span', { class: 'badge neutral', title: assessment.summary }, `Assessed ${assessment.rating.replaceAll('_', ' ').toLowerCase()}`) : null),
    objectivesBar({ achieved: programme.achieved, overdue: programme.overdue, agreed: programme.objectivesAgreed, percent: programme.percentAchieved }),
    h('p', { class: 'legend' },
      h('span', { class: 'key achieved', 'aria-hidden': 'true' }), `${programme.achieved} achieved`,
      h('span', { class: 'key open', 'aria-hidden': 'true' }), `${Math.max(open, 0)} open`,
      h('span', { class: 'key overdue', 'aria-hidden': 'true' }), `${programme.overdue} overdue`,
      ` of ${programme.objectivesAgreed}`),
    objectives.length === 0 ? null : h('details', { class: 'objectives' },
      h('summary', {}, `Objectives (${objectives.length})`),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Objective'), h('th', { scope: 'col' }, 'Area'),
          h('th', { scope: 'col' }, 'Target'), h('th', { scope: 'col' }, 'State'))),
        h('tbody', {}, objectives.map((objective) => h('tr', {},
          h('td', {}, objective.description),
          h('td', {}, areaLabel(objective.area)),
          h('td', { class: 'num' }, dateText(objective.targetDate)),
          h('td', {}, h('span', { class: `state state-${objective.state}` },
            objective.state === 'ACHIEVED' ? `Achieved ${dateText(objective.achievedOn)}` : objective.state.toLowerCase()))))))));
}

function renderProgrammes(view, details) {
  const programmes = view.programmes;
  $('programmes-note').textContent = programmes.length ? `${programmes.length} agreed` : '';
  fill($('programmes'), programmes.length === 0 ? h('li', { class: 'muted' }, 'No programme agreed yet.')
    : programmes.map((programme) => renderProgramme(programme, details.get(programme.programmeId))));
}

function renderExercises(view) {
  const item = (exercise) => h('li', { dataset: { exerciseId: exercise.exerciseId } },
    h('strong', {}, exercise.name),
    h('span', { class: 'when' }, `${dateText(exercise.startsOn)} – ${dateText(exercise.endsOn)} · ${areaLabel(exercise.area)} · `
      + `${exercise.role === 'HOST' ? 'host' : 'participant'} · ${exercise.participantPartnerIds.length} partner${exercise.participantPartnerIds.length === 1 ? '' : 's'}`
      + `${exercise.state === 'SCHEDULED' ? '' : ` · ${exercise.state.toLowerCase()}`}`));
  const { upcoming, past, conducted, cancelled } = view.exercises;
  $('exercises-note').textContent = `${conducted} conducted · ${cancelled} cancelled`;
  fill($('exercises-upcoming'), upcoming.length ? upcoming.map(item) : h('li', { class: 'muted' }, 'None scheduled.'));
  fill($('exercises-past'), past.length ? past.map(item) : h('li', { class: 'muted' }, 'None yet.'));
}

async function load() {
  const view = await withRetry(() => api.partner(partnerId));
  const to = quarterOf(view.asOf);
  const [pace, ...programmeDetails] = await Promise.all([
    withRetry(() => api.pace(partnerId, quartersBefore(to, CHART_QUARTERS - 1), to)),
    ...view.programmes.map((programme) => withRetry(() => api.programme(partnerId, programme.programmeId)).catch(() => null)),
  ]);
  const details = new Map(programmeDetails.filter(Boolean).map((detail) => [detail.programmeId, detail]));

  $('content').hidden = false;
  $('error').hidden = true;
  renderHead(view);
  renderFigures(view);
  renderPriorities(view);
  renderProgrammes(view, details);
  renderExercises(view);

  charts ??= { quarterly: quarterlyChart($('quarterly-chart')), areas: areasChart($('areas-chart')) };
  charts.quarterly.update(pace.quarters, pace.targetPerYear);
  $('quarterly-note').textContent = pace.targetPerYear
    ? `dashed line: chosen pace (${pace.targetPerYear} a year)` : 'no pace chosen';
  charts.areas.update(view.activities.byArea, view.profile?.priorities ?? []);
  $('partner-pace').title = PACE_EXPLAINED[view.pace.status] ?? '';
}

function showError(error) {
  if (error instanceof ApiError && error.status === 404) {
    fill($('partner-name'), 'Unknown partner');
    fill($('error'), `Nothing is known about partner '${partnerId}' yet: none of its events has arrived. `,
      h('a', { href: '/' }, 'Back to all partners'), '. This page fills in by itself when its first event arrives.');
  } else {
    fill($('error'), `The partner could not be read: ${error.message}. The page tries again on the next change.`);
  }
  $('error').hidden = false;
}

/** One read at a time, spaced by MIN_READ_INTERVAL_MS; a change arriving meanwhile triggers one more read after it. */
function reader() {
  let running = null;
  let again = false;
  let lastStarted = 0;
  let first = true;
  const run = async () => {
    do {
      // Only reads for changes are spaced: the first read is not part of a burst.
      if (!first) {
        const wait = lastStarted + MIN_READ_INTERVAL_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      first = false;
      lastStarted = Date.now();
      again = false;
      try {
        await load();
      } catch (error) {
        showError(error);
      }
    } while (again);
    running = null;
  };
  return () => {
    if (running) again = true;
    else running = run();
    return running;
  };
}

const read = reader();
connectLive({
  onChanged: (ids) => { if (ids.includes(partnerId)) read(); },
  onResync: () => read(),
}, $('live'));
setInterval(() => refreshAgoTexts(), 15000);

await read();
performance.mark('pfp:rendered');
document.body.dataset.ready = 'true';
