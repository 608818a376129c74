// The partners overview: one row per partner, filters and sorting kept in the address (shareable),
// refreshed live from the change stream.
import { api, withRetry } from './api.js';
import { trendChart } from './charts.js';
import { fill, flash, h } from './dom.js';
import {
  PACE, PACE_EXPLAINED, agoElement, frameworkCodes, frameworkLabel, paceBadge, paceOf, percentBar, quarterOf,
  quartersBefore, ratioText, refreshAgoTexts, statusCodes, statusLabel,
} from './format.js';
import { connectLive } from './live.js';

const TREND_QUARTERS = 8;
const MIN_REFRESH_INTERVAL_MS = 1000;

const state = {
  asOf: null,
  partners: new Map(), // partnerId -> summary
  trends: new Map(), // partnerId -> quarters [{quarter, proposed, completed, cancelled}]
  rows: new Map(), // partnerId -> {tr, cells, trend}
  sort: { column: 'name', order: 'ascending' },
  filters: { framework: '', status: '', paceStatus: '' },
};

const elements = {
  rows: document.getElementById('partner-rows'),
  tiles: document.getElementById('tiles'),
  count: document.getElementById('result-count'),
  empty: document.getElementById('empty'),
  error: document.getElementById('error'),
  asOf: document.getElementById('as-of'),
  form: document.getElementById('filters'),
  headers: [...document.querySelectorAll('#partners th[data-column]')],
};

// ---- Sorting and filtering (client side: every column sorts, not only those the API sorts by) ----

const SORT_KEYS = {
  name: (p) => (p.name ?? `~${p.partnerId}`).toLocaleLowerCase(),
  framework: (p) => frameworkLabel(p.framework),
  status: (p) => statusLabel(p.status),
  pace: (p) => paceOf(p.paceStatus).rank * 1000 + (p.paceRatio ?? 0),
  trend: (p) => (state.trends.get(p.partnerId) ?? []).reduce((sum, quarter) => sum + quarter.completed, 0),
  progress: (p) => p.programmePercentAchieved ?? 0,
  last: (p) => (p.lastEventAt ? Date.parse(p.lastEventAt) : 0),
};

function visiblePartners() {
  const { framework, status, paceStatus } = state.filters;
  const key = SORT_KEYS[state.sort.column] ?? SORT_KEYS.name;
  const direction = state.sort.order === 'descending' ? -1 : 1;
  return [...state.partners.values()]
    .filter((p) => (!framework || p.framework === framework) && (!status || p.status === status)
      && (!paceStatus || p.paceStatus === paceStatus))
    .sort((a, b) => {
      const left = key(a);
      const right = key(b);
      const order = left < right ? -1 : left > right ? 1 : 0;
      return order * direction || a.partnerId.localeCompare(b.partnerId);
    });
}

function readAddress() {
  const query = new URLSearchParams(location.search);
  for (const name of Object.keys(state.filters)) state.filters[name] = query.get(name) ?? '';
  if (SORT_KEYS[query.get('sort')]) state.sort.column = query.get('sort');
  if (query.get('order') === 'desc') state.sort.order = 'descending';
}

function writeAddress() {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(state.filters)) if (value) query.set(name, value);
  if (state.sort.column !== 'name') query.set('sort', state.sort.column);
  if (state.sort.order === 'descending') query.set('order', 'desc');
  const search = query.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

function setUpControls() {
  const options = (select, codes, label) => codes.forEach((code) => select.append(h('option', { value: code }, label(code))));
  options(document.getElementById('filter-framework'), frameworkCodes(), frameworkLabel);
  options(document.getElementById('filter-status'), statusCodes(), statusLabel);
  options(document.getElementById('filter-pace'), Object.keys(PACE), (code) => PACE[code].label);
  for (const [name, value] of Object.entries(state.filters)) elements.form.elements[name].value = value;

  elements.form.addEventListener('change', (event) => {
    state.filters[event.target.name] = event.target.value;
    writeAddress();
    layout();
  });
  elements.form.addEventListener('reset', () => {
    for (const name of Object.keys(state.filters)) state.filters[name] = '';
    // The reset itself empties the selects after this handler.
    setTimeout(() => { writeAddress(); layout(); });
  });
  elements.form.addEventListener('submit', (event) => event.preventDefault());

  for (const header of elements.headers) {
    header.querySelector('button').addEventListener('click', () => {
      const column = header.dataset.column;
      state.sort.order = state.sort.column === column && state.sort.order === 'ascending' ? 'descending' : 'ascending';
      state.sort.column = column;
      writeAddress();
      layout();
    });
  }
}

// ---- Rendering ----

function rowFor(partnerId) {
  let row = state.rows.get(partnerId);
  if (row) return row;
  const cells = {
    name: h('td', { class: 'partner' }),
    framework: h('td', { class: 'col-framework' }),
    status: h('td'),
    pace: h('td', { class: 'pace' }),
    trend: h('td', { class: 'trend-cell col-trend' }),
    progress: h('td'),
    last: h('td', { class: 'col-last' }),
  };
  const chartElement = h('div', { class: 'trend' });
  cells.trend.append(chartElement);
  const tr = h('tr', { dataset: { partnerId } }, ...Object.values(cells));
  row = { tr, cells, trend: null, chartElement };
  state.rows.set(partnerId, row);
  return row;
}

function renderRow(partner) {
  const row = rowFor(partner.partnerId);
  const { cells } = row;
  fill(cells.name, partner.name
    ? h('a', { href: `/partners/${encodeURIComponent(partner.partnerId)}` }, partner.name)
    : h('a', { href: `/partners/${encodeURIComponent(partner.partnerId)}`, class: 'muted', title: 'Its join event has not arrived yet' }, partner.partnerId));
  fill(cells.framework, frameworkLabel(partner.framework));
  fill(cells.status, statusLabel(partner.status));
  fill(cells.pace, paceBadge(partner.paceStatus),
    partner.paceRatio === null || partner.paceRatio === undefined ? null
      : h('span', { class: 'ratio', title: 'Completed in the last 12 months ÷ chosen yearly pace' }, ratioText(partner.paceRatio)));
  fill(cells.progress, percentBar(partner.programmePercentAchieved, 'of programme objectives achieved'));
  fill(cells.last, agoElement(partner.lastEventAt));
  return row;
}

function renderTrend(partnerId) {
  const row = state.rows.get(partnerId);
  const quarters = state.trends.get(partnerId);
  if (!row || !quarters) return;
  if (!row.trend) {
    // A chart needs its element laid out to know its size: attach the row first.
    if (!row.tr.isConnected) return;
    row.trend = trendChart(row.chartElement);
  }
  row.trend.update(quarters);
}

function renderTiles() {
  const partners = [...state.partners.values()];
  const count = (code) => partners.filter((p) => (p.paceStatus ?? 'NOT_SET') === code).length;
  const tile = (value, label, note, pace) => h('li', { class: 'tile', dataset: pace ? { pace } : {} },
    h('span', { class: 'figure-value' }, value), h('span', { class: 'figure-label' }, label),
    note ? h('span', { class: 'figure-note' }, note) : null);
  fill(elements.tiles,
    tile(partners.length, 'Partners', null, null),
    ...['AHEAD', 'ON_PACE', 'BEHIND', 'STALLED', 'NOT_SET'].map((code) => tile(count(code), PACE[code].label,
      code === 'NOT_SET' ? 'no pace chosen' : PACE_EXPLAINED[code].replace(' in the last 12 months', ''), code)));
}

/** Puts the visible rows in order, hides the others, and says how many show. */
function layout() {
  const visible = visiblePartners();
  const shown = new Set(visible.map((p) => p.partnerId));
  for (const [partnerId, row] of state.rows) if (!shown.has(partnerId)) row.tr.remove();
  for (const partner of visible) elements.rows.append(rowFor(partner.partnerId).tr);
  for (const partner of visible) renderTrend(partner.partnerId);

  for (const header of elements.headers) {
    if (header.dataset.column === state.sort.column) header.setAttribute('aria-sort', state.sort.order);
    else header.removeAttribute('aria-sort');
  }
  const total = state.partners.size;
  elements.count.textContent = visible.length === total ? `${total} partner${total === 1 ? '' : 's'}`
    : `Showing ${visible.length} of ${total} partners`;
  elements.empty.hidden = visible.length > 0;
  elements.empty.textContent = total === 0
    ? 'No partners yet. They appear here as their PartnerJoined events arrive.'
    : 'No partner matches these filters.';
}

// ---- Loading ----

function trendRange() {
  const to = quarterOf(state.asOf);
  return [quartersBefore(to, TREND_QUARTERS - 1), to];
}

async function loadTrends(partnerIds) {
  const [from, to] = trendRange();
  await Promise.all(partnerIds.map(async (partnerId) => {
    try {
      const pace = await withRetry(() => api.pace(partnerId, from, to));
      state.trends.set(partnerId, pace.quarters);
    } catch (error) {
      // One missing trend must not hide the table; the next change of that partner tries again.
      console.warn(`No trend for ${partnerId}: ${error.message}`);
    }
  }));
}

/** Reads the list (and the trends of the partners named, or of all) and shows it. */
async function refresh(changedIds = null) {
  const list = await withRetry(() => api.partners());
  const before = new Map(state.partners);
  state.asOf = list.asOf;
  elements.asOf.textContent = list.asOf;
  elements.asOf.setAttribute('datetime', list.asOf);
  state.partners = new Map(list.partners.map((p) => [p.partnerId, p]));
  for (const partnerId of [...state.rows.keys()]) {
    if (!state.partners.has(partnerId)) {
      state.rows.get(partnerId).tr.remove();
      state.rows.delete(partnerId);
    }
  }
  const needTrends = changedIds === null ? [...state.partners.keys()]
    : [...state.partners.keys()].filter((id) => changedIds.includes(id) || !state.trends.has(id));
  await loadTrends(needTrends);
  for (const partner of state.partners.values()) {
    const row = renderRow(partner);
    const previous = before.get(partner.partnerId);
    if (changedIds !== null && (!previous || JSON.stringify(previous) !== JSON.stringify(partner))) flash(row.tr);
  }
  renderTiles();
  layout();
  for (const partnerId of needTrends) renderTrend(partnerId);
  elements.error.hidden = true;
}

/**
 * Runs refreshes one at a time, at most one a second: changes arriving meanwhile are gathered into the next
 * one, so a burst of events (a backfill) costs a page one read a second, while a lone change shows at once.
 */
function refresher() {
  let running = null;
  let queuedIds = new Set();
  let queuedAll = false;
  let lastStarted = 0;
  const run = async () => {
    while (queuedAll || queuedIds.size > 0) {
      // Only refreshes for changes are spaced: the first load and a resync are not part of a burst.
      if (!queuedAll) {
        const wait = lastStarted + MIN_REFRESH_INTERVAL_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lastStarted = Date.now();
      }
      // Read after the wait: what arrived meanwhile goes into this refresh.
      const ids = queuedAll ? null : [...queuedIds];
      queuedAll = false;
      queuedIds = new Set();
      try {
        await refresh(ids);
      } catch (error) {
        fill(elements.error, `The partners could not be read: ${error.message}. The page tries again on the next change.`);
        elements.error.hidden = false;
      }
    }
    running = null;
  };
  return {
    changed(ids) { ids.forEach((id) => queuedIds.add(id)); running ??= run(); },
    all() { queuedAll = true; running ??= run(); return running; },
  };
}

readAddress();
setUpControls();
const refreshes = refresher();
connectLive({ onChanged: (ids) => refreshes.changed(ids), onResync: () => refreshes.all() }, document.getElementById('live'));
setInterval(() => refreshAgoTexts(), 15000);

await refreshes.all();
performance.mark('pfp:rendered');
document.body.dataset.ready = 'true';
