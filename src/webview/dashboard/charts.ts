// SVG drawn with DOM calls: no markup strings, sizes as attributes (no inline styles needed).
const NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: SVGElement[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

function title(text: string): SVGTitleElement {
  const t = document.createElementNS(NS, 'title');
  t.textContent = text;
  return t;
}

/** A progress ring with the percentage in the middle. */
export function ring(percent: number, label: string): SVGSVGElement {
  const r = 52;
  const c = 2 * Math.PI * r;
  const text = svg('text', { x: 64, y: 72, 'text-anchor': 'middle', class: 'ring-text' });
  text.textContent = `${percent}%`;
  return svg(
    'svg',
    { viewBox: '0 0 128 128', width: 128, height: 128, role: 'img', 'aria-label': label, class: 'ring' },
    title(label),
    svg('circle', { cx: 64, cy: 64, r, class: 'ring-track', fill: 'none', 'stroke-width': 12 }),
    svg('circle', { cx: 64, cy: 64, r, class: 'ring-value', fill: 'none', 'stroke-width': 12, 'stroke-dasharray': `${(c * percent) / 100} ${c}`, transform: 'rotate(-90 64 64)', 'stroke-linecap': 'butt' }),
    text,
  );
}

/** A horizontal bar for one layer's share of done topics. */
export function bar(percent: number, label: string): SVGSVGElement {
  return svg(
    'svg',
    { viewBox: '0 0 100 8', preserveAspectRatio: 'none', class: 'bar', role: 'img', 'aria-label': label },
    title(label),
    svg('rect', { x: 0, y: 0, width: 100, height: 8, class: 'bar-track' }),
    svg('rect', { x: 0, y: 0, width: percent, height: 8, class: 'bar-value' }),
  );
}

/** Columns of counts per week or day: check-offs, answers, cards due. */
export function weekChart(weeks: Array<{ start: string; count: number }>, label: string, unit = 'topic', extraClass = ''): SVGSVGElement {
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const w = 24;
  const h = 100;
  const cols = weeks.map((wk, i) => {
    const height = (wk.count / max) * (h - 4);
    const what = unit === 'topic' ? `Week of ${wk.start}: ${wk.count} topic${wk.count === 1 ? '' : 's'} done` : `${wk.start}: ${wk.count} ${unit}${wk.count === 1 ? '' : 's'}`;
    return svg('rect', { x: i * w + 3, y: h - height, width: w - 6, height, class: 'col' }, title(what));
  });
  return svg(
    'svg',
    { viewBox: `0 0 ${weeks.length * w} ${h + 2}`, class: `weeks ${extraClass}`.trim(), role: 'img', 'aria-label': label },
    title(label),
    svg('line', { x1: 0, y1: h + 1, x2: weeks.length * w, y2: h + 1, class: 'axis' }),
    ...cols,
  );
}

/**
 * Hours left, week by week: the plan as a dashed line, what was done as a solid one (up to this
 * week). Drawn in a fixed viewBox; the weeks stretch to fit.
 */
export function burnDownChart(weeks: Array<{ start: string; planned: number; actual?: number }>, total: number, label: string): SVGSVGElement {
  const w = 600;
  const h = 160;
  const max = Math.max(1, total, ...weeks.map((x) => Math.max(x.planned, x.actual ?? 0)));
  const x = (i: number) => (weeks.length <= 1 ? 0 : (i / (weeks.length - 1)) * w);
  const y = (v: number) => h - (v / max) * (h - 4);
  const points = (values: Array<number | undefined>) =>
    values.flatMap((v, i) => (v === undefined ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`])).join(' ');
  const actual = weeks.filter((k) => k.actual !== undefined).length;
  return svg(
    'svg',
    { viewBox: `0 0 ${w} ${h + 2}`, preserveAspectRatio: 'none', class: 'burn', role: 'img', 'aria-label': label },
    title(label),
    svg('line', { x1: 0, y1: h + 1, x2: w, y2: h + 1, class: 'axis' }),
    svg('polyline', { points: points(weeks.map((k) => k.planned)), class: 'planned', fill: 'none', 'stroke-dasharray': '6 4', 'vector-effect': 'non-scaling-stroke' }),
    svg('polyline', { points: points(weeks.map((k) => k.actual)), class: 'actual', fill: 'none', 'vector-effect': 'non-scaling-stroke' }),
    ...(actual > 0 ? [svg('line', { x1: x(actual - 1), y1: 0, x2: x(actual - 1), y2: h, class: 'today', 'vector-effect': 'non-scaling-stroke' })] : []),
  );
}
