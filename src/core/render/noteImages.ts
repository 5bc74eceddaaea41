import { refusal, FileRefused, formatBytes, type ContainedFiles } from '../loading/containedFiles';
import { resolveSibling } from '../safePath';

/**
 * Pictures in notes. A note may come from a stranger's roadmap, so a picture is shown only when it
 * is a regular image file inside the roadmap folder (links resolved), of an image type, within a
 * size cap; the webview then loads it through its resource URI, inside the CSP. A web address is
 * never loaded: it is shown as a link with its address. Anything else shows its alt text and a
 * sentence that says why.
 *
 * The renderer (which has no file access and may run on a worker) writes a marker for each
 * relative picture; the extension checks the file and replaces the marker (resolveNoteImages).
 */

/** The most bytes of one picture that are shown. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Pictures shown per note; the rest show their alt text. */
export const MAX_NOTE_IMAGES = 100;

/** Image types by file extension, each with a check of the file's first bytes. */
const IMAGE_TYPES: Record<string, { name: string; holds: (head: Uint8Array) => boolean }> = {
  png: { name: 'PNG', holds: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { name: 'JPEG', holds: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { name: 'JPEG', holds: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  gif: { name: 'GIF', holds: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  webp: { name: 'WebP', holds: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 4) === 'WEBP' },
  avif: { name: 'AVIF', holds: (b) => ascii(b, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 4)) },
  // An SVG in an <img> runs no script and loads nothing; it is text with an <svg> element near the top.
  svg: { name: 'SVG', holds: (b) => /<svg[\s>]/.test(new TextDecoder().decode(b.subarray(0, 4096))) },
};

export const IMAGE_EXTENSIONS = Object.keys(IMAGE_TYPES);

/** What a picture's address in a note is. */
export type ImageAddress =
  | { kind: 'web'; url: string }
  /** A path relative to the note's file, decoded ("my%20chart.png" is "my chart.png"). */
  | { kind: 'file'; path: string }
  | { kind: 'refused'; reason: string };

/**
 * Reads a picture's address as markdown-it gives it (percent-encoded). No scheme: a file relative
 * to the note. http(s): a web address. Anything else (javascript:, data:, file:, //host) is refused.
 */
export function imageAddress(src: string): ImageAddress {
  const shown = quoted(src);
  if (src.trim() === '') return { kind: 'refused', reason: 'It has no address.' };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(src)?.[1]?.toLowerCase();
  // One letter is a Windows drive ("C:\pics\a.png"), not a scheme.
  if (scheme && scheme.length > 1) {
    if (scheme === 'http' || scheme === 'https') return { kind: 'web', url: src };
    return { kind: 'refused', reason: `Its address ${shown} is neither a web address nor a file in the roadmap folder.` };
  }
  if (src.startsWith('//')) return { kind: 'refused', reason: `Its address ${shown} names another computer; a web address starts with https://.` };
  // A "?query" or "#part" means nothing for a file.
  const pathPart = src.replace(/[?#].*$/s, '');
  let path: string;
  try {
    path = decodeURIComponent(pathPart);
  } catch {
    return { kind: 'refused', reason: `Its address ${shown} is not a valid path.` };
  }
  return { kind: 'file', path };
}

/** The path inside the roadmap folder of a picture at `path` relative to the note `notesPath`, or why not. */
export function imagePathInRoadmap(notesPath: string, path: string): { rel: string } | { refused: string } {
  const shown = quoted(path);
  if (path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path) || path.includes('\0')) {
    return { refused: `${shown} is not a relative path inside the roadmap folder.` };
  }
  const rel = resolveSibling(notesPath, path);
  if (!rel) return { refused: `${shown} leads outside the roadmap folder.` };
  const ext = /\.([a-zA-Z0-9]+)$/.exec(rel)?.[1]?.toLowerCase();
  if (!ext || !Object.hasOwn(IMAGE_TYPES, ext)) {
    return { refused: `${shown} is not a picture: shown are ${IMAGE_EXTENSIONS.map((e) => `.${e}`).join(', ')} files.` };
  }
  return { rel };
}

/**
 * Checks that `rel` (inside the roadmap folder, of an image type) is a regular file within the
 * cap whose first bytes are what its extension says. `files` resolves links and refuses those
 * that leave the folder.
 */
export async function checkImageFile(files: ContainedFiles, rel: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const shown = quoted(rel);
  try {
    const kind = await files.kind(rel);
    if (kind === undefined) return { ok: false, reason: `${shown} does not exist in ${files.label}.` };
    if (kind !== 'file') return { ok: false, reason: kind === 'directory' ? `${shown} is a folder, not a picture.` : refusal.notRegular(rel) };
    const bytes = await files.read(rel, MAX_IMAGE_BYTES);
    if (!bytes) return { ok: false, reason: `${shown} does not exist in ${files.label}.` };
    const type = IMAGE_TYPES[rel.slice(rel.lastIndexOf('.') + 1).toLowerCase()];
    if (!type.holds(bytes)) return { ok: false, reason: `${shown} does not hold a ${type.name} picture.` };
    return { ok: true };
  } catch (e) {
    if (e instanceof FileRefused) return { ok: false, reason: e.reason === 'tooBig' ? `${shown} is larger than ${formatBytes(MAX_IMAGE_BYTES)}, the most shown for one picture.` : e.message };
    return { ok: false, reason: `${shown} could not be read: ${(e as Error).message}` };
  }
}

// ---- HTML. Every value is escaped; the marker can only be written by the renderer (notes' raw HTML is escaped).

const MARKER = /<span class="note-image-pending" data-image="([^"]*)" data-title="([^"]*)">([^<]*)<\/span>/g;

/** The renderer's HTML for a picture: final for web and refused addresses, a marker for a file. */
export function imageHtml(src: string, alt: string, title: string): string {
  const address = imageAddress(src);
  if (address.kind === 'web') return webImageHtml(address.url, alt);
  if (address.kind === 'refused') return refusedImageHtml(alt, address.reason);
  return `<span class="note-image-pending" data-image="${escapeAttr(address.path)}" data-title="${escapeAttr(title)}">${escapeAttr(alt)}</span>`;
}

function webImageHtml(url: string, alt: string): string {
  const label = alt ? `Picture “${escapeAttr(alt)}” on the web, not loaded: ` : 'A picture on the web, not loaded: ';
  return `<span class="note-image-link">${label}<a href="${escapeAttr(url)}" data-external="true">${escapeAttr(url)}</a></span>`;
}

function refusedImageHtml(alt: string, reason: string): string {
  const label = alt ? `Picture “${escapeAttr(alt)}” not shown.` : 'A picture is not shown.';
  return `<span class="note-image-refused">${label} ${escapeAttr(reason)}</span>`;
}

/** What the editor says about one picture file: the URI the webview loads it from, or why not. */
export type ImageLookup = (rel: string) => Promise<{ uri: string } | { refused: string }>;

/**
 * Replaces the renderer's markers in `html` (the note `notesPath`, relative to the roadmap folder):
 * a checked picture becomes an <img> with the URI `lookup` gives, anything else its alt text and why.
 */
export async function resolveNoteImages(html: string, notesPath: string, lookup: ImageLookup): Promise<string> {
  const markers = [...html.matchAll(MARKER)];
  if (markers.length === 0) return html;
  const looked = new Map<string, Promise<{ uri: string } | { refused: string }>>();
  const outcomes = await Promise.all(
    markers.map((m, i) => {
      const path = unescapeAttr(m[1]);
      if (i >= MAX_NOTE_IMAGES) return { refused: `A note shows at most ${MAX_NOTE_IMAGES} pictures.` };
      const place = imagePathInRoadmap(notesPath, path);
      if ('refused' in place) return place;
      let found = looked.get(place.rel);
      if (!found) looked.set(place.rel, (found = lookup(place.rel)));
      return found;
    }),
  );
  let i = 0;
  return html.replace(MARKER, (_whole, _path: string, title: string, alt: string) => {
    const outcome = outcomes[i++];
    if ('refused' in outcome) return refusedImageHtml(unescapeAttr(alt), outcome.refused);
    const titled = title ? ` title="${title}"` : '';
    return `<img class="note-image" src="${escapeAttr(outcome.uri)}" alt="${alt}"${titled}>`;
  });
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

/** A path or address for a sentence: quoted, and cut short when long. */
function quoted(s: string): string {
  return `"${s.length > 120 ? `${s.slice(0, 117)}...` : s}"`;
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function unescapeAttr(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}
