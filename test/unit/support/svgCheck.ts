import { SaxesParser } from 'saxes';

/** The elements the map's export may hold: shapes, text and its own arrow heads. */
const ALLOWED = new Set(['svg', 'title', 'defs', 'marker', 'path', 'rect', 'circle', 'g', 'text', 'tspan']);

/**
 * What makes an SVG file unsafe or not self-contained, read from its structure (text may say
 * anything): not well-formed, an element that can run or load something, an event attribute, a
 * link, or a reference that leaves the file. Empty when the file is a plain picture.
 */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => problems.push(`not well-formed: ${e.message}`));
  parser.on('opentag', (tag) => {
    if (!ALLOWED.has(tag.name)) problems.push(`element <${tag.name}>`);
    for (const [name, raw] of Object.entries(tag.attributes)) {
      const value = String(raw);
      if (/^on/i.test(name)) problems.push(`event attribute ${name}`);
      if (/href$/i.test(name)) problems.push(`link attribute ${name}`);
      for (const [, ref] of value.matchAll(/url\(\s*['"]?([^)'"]*)/gi)) if (!ref.startsWith('#')) problems.push(`${name} refers outside the file: ${ref}`);
      if (name !== 'xmlns' && /^\s*(https?|data|javascript|file):/i.test(value)) problems.push(`${name} is a URL: ${value}`);
    }
  });
  parser.write(svg).close();
  return problems;
}
