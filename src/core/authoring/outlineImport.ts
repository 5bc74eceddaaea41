import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { MAX_OUTLINE_BYTES, MAX_OUTLINE_HEADINGS } from './outlineLimits';
import { guessResourceKind, RESOURCE_KIND_WORDS } from './resourceKinds';
import { IdAllocator } from './slugs';

/**
 * A markdown outline becomes a roadmap folder, the way teachers usually start: `#` a layer, `##` a
 * topic, `###` a sub-topic; a list item that is just a link is a resource of the topic it is under;
 * the rest of the text under a heading is that topic's notes. Nothing is written here: the caller
 * gets the files and writes them where nothing is overwritten.
 */

export { MAX_OUTLINE_BYTES, MAX_OUTLINE_HEADINGS };

export interface OutlineImport {
  /** Path inside the new roadmap folder -> text. */
  files: Record<string, string>;
  /** What the teacher should know, by line of the outline: headings out of place, links that are not web addresses. */
  remarks: Remark[];
  counts: { layers: number; topics: number; subtopics: number; resources: number };
}

export interface Remark {
  /** 1-based line of the outline. */
  line: number;
  message: string;
}

export interface OutlineOptions {
  /** The roadmap's title; by default the outline's file or folder name, as the caller knows it. */
  title: string;
}

interface Resource {
  title: string;
  url: string;
  kind: string;
}

/** A resource found in a list item; `described` when words follow the link (the item then stays in the notes too). */
type Found = { resource: Resource; described: boolean } | { refused: string };

interface Section {
  title: string;
  line: number;
  /** Source lines of the text under the heading (before the next heading of levels 1 to 3). */
  body: string[];
  /** Offset of body[0] in the source, to map token lines into the body. */
  bodyStart: number;
}

interface TopicDraft extends Section {
  subtopics: Section[];
}

interface LayerDraft extends Section {
  topics: TopicDraft[];
}

const parser = new MarkdownIt({ html: false, linkify: false });
// Every link is read as written; only http(s) addresses become resources (see resourceOf).
parser.validateLink = () => true;

/** Turns the outline into the files of a roadmap folder, or throws with a sentence why it cannot. */
export function importOutline(markdown: string, options: OutlineOptions): OutlineImport {
  if (new TextEncoder().encode(markdown).byteLength > MAX_OUTLINE_BYTES) {
    throw new Error(`The outline is larger than ${MAX_OUTLINE_BYTES / 1024 / 1024} MB, the most that is imported.`);
  }
  const source = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const tokens = parser.parse(source, {});
  const remarks: Remark[] = [];

  // Headings of levels 1 to 3 cut the outline into sections; deeper ones belong to the notes.
  const cuts: Array<{ level: number; title: string; line: number; end: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open' || !t.map) continue;
    const level = Number(t.tag.slice(1));
    if (level > 3) continue;
    if (cuts.length >= MAX_OUTLINE_HEADINGS) throw new Error(`The outline has more than ${MAX_OUTLINE_HEADINGS.toLocaleString('en-US')} headings of levels 1 to 3, the most that is imported.`);
    cuts.push({ level, title: plainText(tokens[i + 1]?.children ?? []).trim() || 'Untitled', line: t.map[0], end: t.map[1] });
  }
  const section = (c: (typeof cuts)[number], next: number): Section => ({ title: c.title, line: c.line + 1, body: lines.slice(c.end, next), bodyStart: c.end });

  const layers: LayerDraft[] = [];
  const intro = lines.slice(0, cuts[0]?.line ?? lines.length);
  cuts.forEach((c, i) => {
    const s = section(c, cuts[i + 1]?.line ?? lines.length);
    if (c.level === 1) return void layers.push({ ...s, topics: [] });
    if (!layers.length) {
      remarks.push({ line: s.line, message: `"${s.title}" comes before any "#" heading; it is put in a first layer named "Topics".` });
      layers.push({ title: 'Topics', line: s.line, body: [], bodyStart: s.bodyStart, topics: [] });
    }
    const layer = layers[layers.length - 1];
    if (c.level === 2 || !layer.topics.length) {
      if (c.level === 3) remarks.push({ line: s.line, message: `The sub-topic "${s.title}" has no "##" topic above it in its layer; it is made a topic.` });
      return void layer.topics.push({ ...s, subtopics: [] });
    }
    layer.topics[layer.topics.length - 1].subtopics.push(s);
  });
  if (!layers.length) throw new Error('The outline has no "#" heading: each "#" heading becomes a layer, each "##" a topic and each "###" a sub-topic.');

  const ids = new IdAllocator();
  const files: Record<string, string> = {};
  const counts = { layers: layers.length, topics: 0, subtopics: 0, resources: 0 };
  const roadmapId = ids.take(options.title, 'roadmap');
  const layerFiles: string[] = [];

  layers.forEach((layer, li) => {
    const layerId = ids.take(layer.title, 'layer');
    const { goal, summary } = layerTexts(layer);
    const topics = layer.topics.map((topic) => {
      counts.topics++;
      const entry = topicEntry(topic, layerId, ids, tokens, files, remarks, counts);
      const subtopics = topic.subtopics.map((sub) => {
        counts.subtopics++;
        return topicEntry(sub, layerId, ids, tokens, files, remarks, counts);
      });
      return subtopics.length ? { ...entry, subtopics } : entry;
    });
    if (!topics.length) remarks.push({ line: layer.line, message: `The layer "${layer.title}" has no "##" topic; add one before it can be shown.` });
    const file = `layers/${String(li + 1).padStart(2, '0')}-${layerId}.yaml`;
    layerFiles.push(file);
    files[file] = yaml({ id: layerId, title: layer.title, goal, summary, topics });
  });

  const description = firstParagraph(intro);
  files['roadmap.yaml'] = yaml({ id: roadmapId, title: options.title, version: '0.1.0', description, layers: layerFiles });
  return { files, remarks, counts };
}

/** A topic or sub-topic: its notes file (when it has text), its summary and resources. */
function topicEntry(
  s: Section,
  layerId: string,
  ids: IdAllocator,
  tokens: ReturnType<typeof parser.parse>,
  files: Record<string, string>,
  remarks: Remark[],
  counts: OutlineImport['counts'],
) {
  const id = ids.take(s.title, 'topic');
  const { resources, kept } = splitResources(s, tokens, remarks);
  counts.resources += resources.length;
  const text = kept.join('\n').trim();
  let notes: string | undefined;
  if (text) {
    notes = `notes/${layerId}/${id}.md`;
    files[notes] = `# ${s.title}\n\n${text}\n`;
  }
  const summary = firstParagraph(kept);
  return { id, title: s.title, summary: summary && summary.length <= 400 ? summary : undefined, notes, resources: resources.length ? resources : undefined };
}

/**
 * The resources of a section (list items that are one web link, with perhaps a kind in
 * parentheses or a few words after it) and the other lines, with deeper headings raised two
 * levels so that "####" under a topic is a "##" section of its notes.
 */
function splitResources(s: Section, tokens: ReturnType<typeof parser.parse>, remarks: Remark[]): { resources: Resource[]; kept: string[] } {
  const from = s.bodyStart;
  const to = s.bodyStart + s.body.length;
  const drop = new Set<number>();
  const resources: Resource[] = [];
  const headings = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.map || t.map[0] < from || t.map[0] >= to) continue;
    if (t.type === 'heading_open') headings.set(t.map[0], Number(t.tag.slice(1)));
    if (t.type !== 'list_item_open') continue;
    // The item's first paragraph: paragraph_open, inline, paragraph_close.
    const inline = tokens[i + 1]?.type === 'paragraph_open' ? tokens[i + 2] : undefined;
    const resource = inline?.type === 'inline' ? resourceOf(inline.children ?? []) : undefined;
    if (!resource) continue;
    if ('refused' in resource) {
      remarks.push({ line: t.map[0] + 1, message: resource.refused });
      continue;
    }
    resources.push(resource.resource);
    // Words after the link say something the resource cannot hold: the item stays in the notes.
    if (!resource.described) for (let l = t.map[0]; l < t.map[1]; l++) drop.add(l);
  }
  const kept: string[] = [];
  s.body.forEach((line, k) => {
    const at = from + k;
    if (drop.has(at)) return;
    const level = headings.get(at);
    kept.push(level && level > 3 ? line.replace(/^(\s{0,3})#{4,6}/, (_m, sp: string) => `${sp}${'#'.repeat(level - 2)}`) : line);
  });
  return { resources, kept: collapseBlankLines(kept) };
}

/** A resource from a list item's first line: one link, then perhaps "(video)" or a few words. */
function resourceOf(children: ReturnType<typeof parser.parse>): Found | undefined {
  const open = children.findIndex((c) => c.type === 'link_open');
  if (open !== 0 && !(open === 1 && children[0].type === 'text' && children[0].content.trim() === '')) return undefined;
  const close = children.findIndex((c, i) => i > open && c.type === 'link_close');
  if (close < 0) return undefined;
  const url = String(children[open].attrGet('href') ?? '');
  const title = plainText(children.slice(open + 1, close)).trim() || url;
  const rest = plainText(children.slice(close + 1)).trim();
  if (!/^https?:\/\//i.test(url)) return { refused: `The link "${title}" (${url.slice(0, 80)}) is not a web address, so it stays in the notes rather than becoming a resource.` };
  const hinted = /^\(([a-z]+)\)$/i.exec(rest)?.[1]?.toLowerCase();
  const named = hinted && RESOURCE_KIND_WORDS.includes(hinted) ? hinted : undefined;
  return { resource: { title: title.slice(0, 4000), url, kind: named ?? guessResourceKind(url, title) }, described: rest !== '' && !named };
}

/** The first paragraph under a layer heading is its goal; the next ones, its summary. */
function layerTexts(layer: LayerDraft): { goal?: string; summary?: string } {
  const paragraphs = layer.body.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const clip = (t: string | undefined) => (t ? t.slice(0, 4000) : undefined);
  return { goal: clip(paragraphs[0]), summary: clip(paragraphs.slice(1).join(' ')) || undefined };
}

/** The first paragraph of some lines as one line of text, or undefined. */
function firstParagraph(lines: string[]): string | undefined {
  const text = lines.join('\n').trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim();
  // Not a heading, list, quote, fence or table: those are notes, not a summary.
  if (!text || /^(#|[-*+] |\d+[.)] |>|```|~~~|\|)/.test(text)) return undefined;
  return text.slice(0, 4000);
}

function plainText(children: ReturnType<typeof parser.parse>): string {
  return children.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.children ? plainText(c.children) : '')).join('');
}

function collapseBlankLines(lines: string[]): string[] {
  return lines.filter((l, i) => l.trim() !== '' || (i > 0 && lines[i - 1].trim() !== ''));
}

/** YAML with the undefined fields left out, long lines kept whole. */
function yaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}
