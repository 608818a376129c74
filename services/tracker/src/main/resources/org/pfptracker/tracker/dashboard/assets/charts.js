// Charts drawn with Apache ECharts (served by the tracker from its WebJar). Colours follow Okabe-Ito;
// ECharts' aria option gives each chart a spoken description and, on the bigger charts, decal patterns,
// so no series is told apart by colour alone.
import * as echarts from 'echarts';
import { areaLabel } from './format.js';

export const COLOURS = {
  proposed: '#56B4E9',
  approved: '#0072B2',
  completed: '#009E73',
  cancelled: '#D55E00',
  target: '#1b2430',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
const charts = new Set();

window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));

function create(element, options = {}) {
  const chart = echarts.init(element, null, { renderer: options.renderer ?? 'canvas' });
  charts.add(chart);
  return chart;
}

/** Disposes a chart whose element leaves the page. */
export function dispose(chart) {
  charts.delete(chart);
  chart.dispose();
}

/** A small bar trend of completed activities per quarter, for a table cell. */
export function trendChart(element) {
  const chart = create(element, { renderer: 'svg' });
  return {
    chart,
    update(quarters) {
      const labels = quarters.map((quarter) => quarter.quarter);
      const values = quarters.map((quarter) => quarter.completed);
      chart.setOption({
        animation: false,
        aria: { enabled: true, label: { description: trendDescription(quarters) } },
        grid: { left: 1, right: 1, top: 3, bottom: 1 },
        xAxis: { type: 'category', data: labels, show: false },
        yAxis: { type: 'value', show: false, min: 0, minInterval: 1, max: (range) => Math.max(range.max, 1) },
        tooltip: {
          trigger: 'axis', confine: true, axisPointer: { type: 'none' }, textStyle: { fontFamily: FONT, fontSize: 12 },
          formatter: (points) => `${points[0].name}: ${points[0].value} completed`,
        },
        series: [{
          type: 'bar', data: values, barCategoryGap: '20%', itemStyle: { color: COLOURS.completed, borderRadius: [2, 2, 0, 0] },
          // An empty quarter still shows as a hairline, so "nothing" reads differently from "no data".
          showBackground: true, backgroundStyle: { color: '#eef2f6' },
        }],
      });
    },
  };
}

function trendDescription(quarters) {
  if (quarters.length === 0) return 'No activity yet.';
  const values = quarters.map((quarter) => quarter.completed).join(', ');
  return `Activities completed per quarter from ${quarters[0].quarter} to ${quarters[quarters.length - 1].quarter}: ${values}.`;
}

/** Proposed, completed and cancelled activities per quarter, with the chosen pace as a reference line. */
export function quarterlyChart(element) {
  const chart = create(element);
  return {
    chart,
    update(quarters, targetPerYear) {
      const perQuarter = targetPerYear ? targetPerYear / 4 : null;
      const series = (name, key, colour) => ({
        name, type: 'bar', data: quarters.map((quarter) => quarter[key]), itemStyle: { color: colour },
        barMaxWidth: 22, emphasis: { focus: 'series' },
      });
      const completed = series('Completed', 'completed', COLOURS.completed);
      if (perQuarter !== null) {
        completed.markLine = {
          symbol: 'none', silent: true,
          lineStyle: { color: COLOURS.target, type: 'dashed', width: 2 },
          label: {
            formatter: `Chosen pace: ${formatNumber(perQuarter)} per quarter`, position: 'insideStartTop', fontFamily: FONT,
            color: COLOURS.target, backgroundColor: 'rgba(255, 255, 255, 0.9)', padding: [2, 4], borderRadius: 2,
          },
          data: [{ yAxis: perQuarter }],
        };
      }
      chart.setOption({
        animationDuration: 300,
        aria: { enabled: true, decal: { show: true } },
        textStyle: { fontFamily: FONT },
        legend: { top: 0, left: 0, itemGap: 16 },
        grid: { left: 36, right: 12, top: 40, bottom: 28 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: quarters.map((quarter) => quarter.quarter), axisTick: { alignWithLabel: true } },
        yAxis: {
          type: 'value', minInterval: 1,
          max: (range) => Math.ceil(Math.max(range.max, perQuarter ?? 0, 1) * 1.15),
        },
        series: [series('Proposed', 'proposed', COLOURS.proposed), completed, series('Cancelled', 'cancelled', COLOURS.cancelled)],
      }, true);
    },
  };
}

/** Activities by area of cooperation and state; the partner's priority areas first, marked with a star. */
export function areasChart(element) {
  const chart = create(element);
  return {
    chart,
    update(byArea, priorities) {
      const areas = Object.keys(byArea);
      const total = (area) => Object.values(byArea[area] ?? {}).reduce((sum, count) => sum + count, 0);
      const ordered = [
        ...priorities,
        ...areas.filter((area) => !priorities.includes(area)).sort((a, b) => total(b) - total(a)),
      ];
      // ECharts draws the first category at the bottom; reversed, the first priority is on top.
      const categories = [...ordered].reverse();
      const label = (area) => (priorities.includes(area) ? `★ ${areaLabel(area)}` : areaLabel(area));
      const series = (name, state, colour) => ({
        name, type: 'bar', stack: 'activities', barMaxWidth: 18, itemStyle: { color: colour },
        emphasis: { focus: 'series' },
        data: categories.map((area) => byArea[area]?.[state] ?? 0),
      });
      chart.setOption({
        animationDuration: 300,
        aria: { enabled: true, decal: { show: true } },
        textStyle: { fontFamily: FONT },
        legend: { top: 0, left: 0, itemGap: 16 },
        // The labels' room is measured, not guessed: ECharts' own estimate cuts long bold labels short.
        grid: { left: widestText(categories.map(label), `bold 12px ${FONT}`) + 16, right: 16, top: 40, bottom: 24 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: {
          type: 'category',
          data: categories.map((area) => ({
            value: label(area),
            textStyle: priorities.includes(area) ? { color: '#0b2f5b', fontWeight: 'bold' } : { color: '#4a5566' },
          })),
        },
        series: [
          series('Completed', 'COMPLETED', COLOURS.completed),
          series('Approved', 'APPROVED', COLOURS.approved),
          series('Proposed', 'PROPOSED', COLOURS.proposed),
          series('Cancelled', 'CANCELLED', COLOURS.cancelled),
        ],
      }, true);
      element.style.height = `${Math.max(180, 60 + categories.length * 34)}px`;
      chart.resize();
    },
  };
}

let measuring = null;

function widestText(texts, font) {
  measuring ??= document.createElement('canvas').getContext('2d');
  measuring.font = font;
  return Math.ceil(Math.max(0, ...texts.map((text) => measuring.measureText(text).width)));
}

function formatNumber(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
