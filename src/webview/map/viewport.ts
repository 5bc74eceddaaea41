// Zoom and pan of the map: one transform on the drawing's group, changed by the wheel (with
// Ctrl or Cmd to zoom), by dragging the background, by the buttons and by the keys.
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;

export class Viewport {
  zoom = 1;
  x = 0;
  y = 0;

  constructor(
    private readonly surface: SVGSVGElement,
    private readonly drawing: SVGGElement,
    private readonly changed: () => void,
  ) {
    surface.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    surface.addEventListener('pointerdown', (e) => this.onPointerDown(e));
  }

  set(zoom: number, x: number, y: number) {
    this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.x = x;
    this.y = y;
    this.drawing.setAttribute('transform', `translate(${round(this.x)} ${round(this.y)}) scale(${round(this.zoom, 1000)})`);
    this.changed();
  }

  private size() {
    const r = this.surface.getBoundingClientRect();
    return { w: Math.max(1, r.width), h: Math.max(1, r.height) };
  }

  /** Zooms by `factor` keeping the point (cx, cy) of the surface where it is (the centre by default). */
  zoomBy(factor: number, cx?: number, cy?: number) {
    const { w, h } = this.size();
    const px = cx ?? w / 2;
    const py = cy ?? h / 2;
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
    const k = zoom / this.zoom;
    this.set(zoom, px - (px - this.x) * k, py - (py - this.y) * k);
  }

  /** The whole box in view. */
  fit(box: Box, pad = 24) {
    const { w, h } = this.size();
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min((w - 2 * pad) / box.w, (h - 2 * pad) / box.h)));
    this.set(zoom, (w - box.w * zoom) / 2 - box.x * zoom, pad - box.y * zoom);
  }

  /** The box's width in view (at most 100 %), its top at the top: where a map opens. */
  fitWidth(box: Box, pad = 24) {
    const { w } = this.size();
    const zoom = Math.min(1, Math.max(MIN_ZOOM, (w - 2 * pad) / box.w));
    this.set(zoom, (w - box.w * zoom) / 2 - box.x * zoom, pad - box.y * zoom);
  }

  /** Pans just enough to show the box (a node reached by the keyboard or the tree's selection). */
  reveal(box: Box, margin = 40) {
    const { w, h } = this.size();
    const left = box.x * this.zoom + this.x;
    const top = box.y * this.zoom + this.y;
    const right = left + box.w * this.zoom;
    const bottom = top + box.h * this.zoom;
    let dx = 0;
    let dy = 0;
    if (right > w - margin) dx = w - margin - right;
    if (left + dx < margin) dx = margin - left;
    if (bottom > h - margin) dy = h - margin - bottom;
    if (top + dy < margin) dy = margin - top;
    if (dx || dy) this.set(this.zoom, this.x + dx, this.y + dy);
  }

  /** Pans by screen pixels (the arrow keys with Shift, say). */
  panBy(dx: number, dy: number) {
    this.set(this.zoom, this.x + dx, this.y + dy);
  }

  private onWheel(e: WheelEvent) {
    e.preventDefault();
    const r = this.surface.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey) this.zoomBy(Math.exp(-e.deltaY * 0.002), e.clientX - r.left, e.clientY - r.top);
    else this.panBy(-e.deltaX, -e.deltaY);
  }

  private onPointerDown(e: PointerEvent) {
    if (e.button !== 0 || (e.target as Element).closest('.node')) return;
    const start = { x: e.clientX, y: e.clientY, ox: this.x, oy: this.y };
    this.surface.setPointerCapture(e.pointerId);
    this.surface.classList.add('panning');
    const move = (m: PointerEvent) => this.set(this.zoom, start.ox + m.clientX - start.x, start.oy + m.clientY - start.y);
    const up = () => {
      this.surface.removeEventListener('pointermove', move);
      this.surface.removeEventListener('pointerup', up);
      this.surface.removeEventListener('pointercancel', up);
      this.surface.classList.remove('panning');
    };
    this.surface.addEventListener('pointermove', move);
    this.surface.addEventListener('pointerup', up);
    this.surface.addEventListener('pointercancel', up);
  }
}

const round = (v: number, k = 10) => Math.round(v * k) / k;
