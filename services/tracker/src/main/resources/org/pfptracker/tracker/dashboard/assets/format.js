// How the API's codes read for people, and the shared bits of the pages built from them.
import { h } from './dom.js';

const FRAMEWORKS = {
  EURO_ATLANTIC_PARTNERSHIP: 'Euro-Atlantic Partnership',
  MEDITERRANEAN_DIALOGUE: 'Mediterranean Dialogue',
  ISTANBUL_COOPERATION_INITIATIVE: 'Istanbul Cooperation Initiative',
  GLOBAL_PARTNER: 'Global Partner',
  UNKNOWN: 'Unknown framework',
};

const STATUSES = {
  ACTIVE: 'Active', SUSPENDED: 'Suspended', BECAME_ALLY: 'Became Ally', WITHDRAWN: 'Withdrawn', UNKNOWN: 'Unknown',
};

/** Pace statuses, least worrying last; each has words and a symbol, so colour is never the only cue. */
export const PACE = {
  AHEAD: { label: 'Ahead', symbol: '▲', rank: 4 },
  ON_PACE: { label: 'On pace', symbol: '●', rank: 3 },
  BEHIND: { label: 'Behind', symbol: '▼', rank: 2 },
  STALLED: { label: 'Stalled', symbol: '■', rank: 1 },
  NOT_SET: { label: 'No pace set', symbol: '–', rank: 0 },
};

export const PACE_EXPLAINED = {
  AHEAD: 'completed at least 110% of the chosen yearly pace in the last 12 months',
  ON_PACE: 'completed 90% to 110% of the chosen yearly pace in the last 12 months',
  BEHIND: 'completed less than 90% of the chosen yearly pace in the last 12 months',
  STALLED: 'nothing completed in the last 180 days',
  NOT_SET: 'the partner has not chosen a pace',
};

const AREAS = {
  DEFENCE_REFORM: 'Defence reform',
  DEFENCE_POLICY_AND_PLANNING: 'Defence policy and planning',
  CIVIL_MILITARY_RELATIONS: 'Civil-military relations',
  EDUCATION_AND_TRAINING: 'Education and training',
  MILITARY_TO_MILITARY_COOPERATION: 'Military-to-military cooperation',
  EXERCISES: 'Exercises',
  CIVIL_EMERGENCY_PLANNING: 'Civil emergency planning',
  DISASTER_RESPONSE: 'Disaster response',
  SCIENCE_AND_ENVIRONMENT: 'Science and environment',
  OTHER_DEFENCE_RELATED: 'Other defence-related',
  UNKNOWN: 'Unknown area',
};

export const frameworkLabel = (code) => FRAMEWORKS[code] ?? code ?? '—';
export const statusLabel = (code) => STATUSES[code] ?? code ?? '—';
export const areaLabel = (code) => AREAS[code] ?? code;
export const paceOf = (code) => PACE[code] ?? PACE.NOT_SET;
export const frameworkCodes = () => Object.keys(FRAMEWORKS).filter((code) => code !== 'UNKNOWN');
export const statusCodes = () => Object.keys(STATUSES).filter((code) => code !== 'UNKNOWN');

/** The pace badge: colour, symbol and words, with what it means as a tooltip. */
export function paceBadge(status) {
  const code = PACE[status] ? status : 'NOT_SET';
  const pace = PACE[code];
  return h('span', { class: `badge pace-${code}`, title: PACE_EXPLAINED[code], dataset: { pace: code } },
    h('span', { class: 'symbol', 'aria-hidden': 'true' }, pace.symbol), h('span', { class: 'label' }, pace.label));
}

export function statusBadge(status) {
  return h('span', { class: `badge neutral status-${status}` }, statusLabel(status));
}

/** A pace ratio as people read it: "1.25×" (completed over the chosen yearly pace). */
export const ratioText = (ratio) => (ratio === null || ratio === undefined ? '' : `${ratio.toFixed(2)}×`);

export const percentText = (value) => `${Math.round(value)}%`;

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** A calendar date from the API (YYYY-MM-DD), e.g. "8 Feb 1994". */
export const dateText = (isoDate) => (isoDate ? DATE.format(new Date(`${isoDate}T00:00:00Z`)) : '—');

export const dateTimeText = (instant) => (instant ? DATE_TIME.format(new Date(instant)) : '—');

/** How long ago, in words: "just now", "3 hours ago", "2 years ago". */
export function agoText(instant, now = Date.now()) {
  if (!instant) return '—';
  const seconds = Math.round((new Date(instant).getTime() - now) / 1000);
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [30.44, 'day'], [12, 'month'], [Infinity, 'year']];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) {
      if (unit === 'second' && Math.abs(value) < 45) return 'just now';
      return RELATIVE.format(Math.round(value), unit);
    }
    value /= size;
  }
  return '—';
}

/** A <time> element showing "3 hours ago", with the exact moment as its title. */
export function agoElement(instant) {
  if (!instant) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: instant, title: dateTimeText(instant), dataset: { ago: instant } }, agoText(instant));
}

/** Keeps every "… ago" on the page current. */
export function refreshAgoTexts(root = document) {
  const now = Date.now();
  for (const element of root.querySelectorAll('time[data-ago]')) {
    const text = agoText(element.dataset.ago, now);
    if (element.textContent !== text) element.textContent = text;
  }
}

/** Calendar quarters "2024-Q1": the one of a date, and the one n quarters before. */
export function quarterOf(isoDate) {
  const [year, month] = isoDate.split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function quartersBefore(quarter, count) {
  const [year, q] = quarter.split('-Q').map(Number);
  const index = year * 4 + (q - 1) - count;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** A progress bar of objectives: achieved, overdue and open parts, with the figures as its accessible name. */
export function objectivesBar({ achieved, overdue, agreed, percent }) {
  const safeAgreed = Math.max(agreed, 0);
  const achievedShare = safeAgreed === 0 ? 0 : (achieved / safeAgreed) * 100;
  const overdueShare = safeAgreed === 0 ? 0 : (overdue / safeAgreed) * 100;
  const label = safeAgreed === 0 ? 'No objectives agreed'
    : `${achieved} of ${agreed} objectives achieved${overdue ? `, ${overdue} overdue` : ''}`;
  return h('div', { class: 'progress' },
    h('div', {
      class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': Math.round(percent ?? achievedShare), 'aria-label': label, title: label,
    },
    h('span', { class: 'achieved', style: `width:${achievedShare}%` }),
    h('span', { class: 'overdue', style: `width:${overdueShare}%` })),
    h('span', { class: 'value' }, safeAgreed === 0 ? '—' : percentText(percent ?? achievedShare)));
}

/** A progress bar of one percentage (objectives achieved over agreed, across programmes). */
export function percentBar(percent, what) {
  const value = Math.max(0, Math.min(100, percent ?? 0));
  const label = `${percentText(value)} ${what}`;
  return h('div', { class: 'progress' },
    h('div', {
      class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(value),
      'aria-label': label, title: label,
    }, h('span', { class: 'achieved', style: `width:${value}%` })),
    h('span', { class: 'value' }, percentText(value)));
}
