// The export's colours and PNG: the theme's colours as this page resolved them, and the same
// SVG the extension writes, drawn onto a canvas through a blob: URL the page makes itself.
import { mapSvg, PALETTE_KEYS, safePalette, type MapPicture } from '../../core/map/mapSvg';

/** Colours named --map-<key> in map.css, each turned into a plain rgb()/rgba() or hex value by a canvas. */
export function readPalette(): Record<string, string> {
  const css = getComputedStyle(document.documentElement);
  const ctx = document.createElement('canvas').getContext('2d');
  const out: Record<string, string> = {};
  for (const key of PALETTE_KEYS) {
    const raw = css.getPropertyValue(`--map-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).trim();
    if (!raw || !ctx) continue;
    ctx.fillStyle = '#000000';
    ctx.fillStyle = raw;
    out[key] = String(ctx.fillStyle);
  }
  return out;
}

/** Canvases beyond these fail in Chromium; a map that needs more is refused with a sentence. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

export async function pngOf(picture: MapPicture, palette: Record<string, string>): Promise<string> {
  const text = mapSvg(picture, safePalette(palette));
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const w = img.naturalWidth;
    const h = img.naturalHeight;
    const scale = Math.min(2, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_AREA / (w * h)));
    if (scale < 0.2) throw new Error(`The map is too large for a PNG (${Math.round(w)} × ${Math.round(h)} px); export it as SVG instead.`);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This view cannot draw a PNG; export the map as SVG instead.');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
  } finally {
    URL.revokeObjectURL(url);
  }
}
