import type { ErrorObject, ValidateFunction } from 'ajv';
import { ID_PATTERN, ID_RULE, SINGLE_HYPHEN_ID_PATTERN } from '../ids';
import { editDistance } from './idSuggestions';
import { layer, propertiesOf, roadmap } from './schemaValidators';
import type { PathSegment } from './yamlSource';

/** A schema violation at a value path, in words an author understands. */
export interface SchemaIssue {
  path: PathSegment[];
  message: string;
}

const MAX_ISSUES = 50;

export function validateRoadmapShape(value: unknown): SchemaIssue[] {
  return run(roadmap, value, [], undefined);
}

/**
 * One layer, inline in the roadmap (`basePath` ["layers", i]) or a file of its own (no base path);
 * `position` is its place in the roadmap (0-based), named when the layer has no readable id.
 */
export function validateLayerShape(value: unknown, basePath: PathSegment[] = [], position?: number): SchemaIssue[] {
  return run(layer, value, basePath, position ?? (typeof basePath[1] === 'number' ? basePath[1] : 0));
}

function run(validate: ValidateFunction, value: unknown, basePath: PathSegment[], layerPosition: number | undefined): SchemaIssue[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, MAX_ISSUES).map((e) => toIssue(e, value, basePath, layerPosition));
}

/**
 * Every message names where (the layer, topic and sub-topic by id), the value that is wrong, and
 * what is allowed: "\"kind\" of resource #1 of topic \"t1\" in layer \"one\" must be one of book,
 * …; it is \"blog\"."
 */
function toIssue(e: ErrorObject, root: unknown, basePath: PathSegment[], layerPosition: number | undefined): SchemaIssue {
  const rel = pointerToPath(e.instancePath);
  const path = [...basePath, ...rel];
  const place = describePlace(root, rel, layerPosition);
  const value = valueAt(root, rel);
  const last = rel[rel.length - 1];
  // The field and the object it is in: "\"hours\" in topic \"t1\" in layer \"one\"", or for a list item "prerequisite #1 of …".
  const field = typeof last === 'string' ? `"${last}" in ${place.where}` : place.where;
  const it = `; it is ${show(value)}.`;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { path, message: capital(`${place.where} is missing "${missing}", which every ${place.kind} must have.`) };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = propertiesOf[place.definition] ?? [];
      const message =
        extra === 'subtopics' && place.definition === 'subtopic'
          ? `${place.where} has "subtopics", but a sub-topic has none of its own: sub-topics go one level below a topic only. Make it a topic, or list these beside it.`
          : `${place.where} has an unknown property "${extra}".${suggestion(extra, allowed)} ${capital(article(place.kind))} may have: ${allowed.join(', ')}.`;
      return { path: [...path, extra], message: capital(message) };
    }
    case 'enum':
      return { path, message: capital(`${field} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}${it}`) };
    case 'type':
      return { path, message: capital(`${field} must be ${typeWords(e, rel)}${it}`) };
    case 'pattern':
      return { path, message: capital(`${field} must be ${patternWords((e.params as { pattern?: string }).pattern)}${it}`) };
    case 'minLength':
      return { path, message: capital(`${field} must not be empty.`) };
    case 'maxLength':
      return { path, message: capital(`${field} may be at most ${(e.params as { limit: number }).limit} characters long; it has ${typeof value === 'string' ? value.length : '?'}.`) };
    case 'minItems':
      return { path, message: capital(`${field} must list at least ${(e.params as { limit: number }).limit}; it lists ${Array.isArray(value) ? value.length : 0}.`) };
    case 'maxItems':
      return { path, message: capital(`${field} may list at most ${(e.params as { limit: number }).limit}; it lists ${Array.isArray(value) ? value.length : '?'}.`) };
    case 'minimum':
      return { path, message: capital(`${field} must be at least ${(e.params as { limit: number }).limit}${it}`) };
    case 'maximum':
      return { path, message: capital(`${field} may be at most ${(e.params as { limit: number }).limit}${it}`) };
    case 'exclusiveMinimum':
      return { path, message: capital(`${field} must be more than ${(e.params as { limit: number }).limit}${it}`) };
    default:
      return { path, message: capital(`${field} ${e.message ?? 'is not valid'}${it}`) };
  }
}

function typeWords(e: ErrorObject, rel: PathSegment[]): string {
  // The roadmap's layer list takes file names or layer objects (each object is checked on its own).
  if (rel.length === 2 && rel[0] === 'layers') return 'the path of a layer file (ending in .yaml) or a layer (id, title, topics)';
  const type = (e.params as { type: string | string[] }).type;
  const words: Record<string, string> = { object: 'a mapping (key: value pairs)', array: 'a list', string: 'a text', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'empty' };
  return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}

function patternWords(pattern: string | undefined): string {
  if (pattern === ID_PATTERN.source) return `an id of ${ID_RULE}`;
  // A quiz item's id (media/schema/quiz.schema.json): single hyphens only.
  if (pattern === SINGLE_HYPHEN_ID_PATTERN.source) return 'an id of lowercase letters and digits, with single hyphens between them (like "column-space")';
  if (pattern === '\\.md$') return 'the path of a markdown file, ending in .md';
  if (pattern === '\\.ya?ml$') return 'the path of a YAML file, ending in .yaml or .yml';
  if (pattern?.startsWith('^\\d+\\.\\d+\\.\\d+')) return 'a version such as 1.0.0';
  return `text of the form ${pattern ?? 'the schema asks for'}`;
}

/** " Did you mean "x"?" for a misspelt property name, or "". */
function suggestion(name: string, allowed: readonly string[]): string {
  let best: string | undefined;
  let bestDist = 3;
  for (const a of allowed) {
    const d = editDistance(name.toLowerCase(), a.toLowerCase(), bestDist);
    if (d < bestDist) [best, bestDist] = [a, d];
  }
  return best ? ` Did you mean "${best}"?` : '';
}

/** A value as an author would recognise it in the file, kept short. */
export function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'a mapping';
}

function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(root: unknown, path: PathSegment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

interface Place {
  /** The object the path ends in (or whose field it names): "topic \"t1\" in layer \"one\"", "the roadmap". */
  where: string;
  /** Its kind in words ("topic", "sub-topic") and its schema definition ("topic", "subtopic"). */
  kind: string;
  definition: string;
}

/** What each list of the schema holds: its items' kind in words, their definition, and whether they are named by id. */
const LISTS: Record<string, { kind: string; definition: string; byId: boolean }> = {
  layers: { kind: 'layer', definition: 'layer', byId: true },
  topics: { kind: 'topic', definition: 'topic', byId: true },
  subtopics: { kind: 'sub-topic', definition: 'subtopic', byId: true },
  resources: { kind: 'resource', definition: 'resource', byId: false },
  practicalRoad: { kind: 'practical road step', definition: 'practicalStep', byId: false },
  months: { kind: 'month', definition: 'studyMonth', byId: false },
  prerequisites: { kind: 'prerequisite', definition: '', byId: false },
  covers: { kind: 'covered id', definition: '', byId: false },
  tags: { kind: 'tag', definition: '', byId: false },
  quiz: { kind: 'quiz item', definition: 'quizItem', byId: true },
  options: { kind: 'option', definition: '', byId: false },
};

/**
 * "resource #1 of sub-topic \"s\" of topic \"t1\" in layer \"one\"" rather than
 * "/layers/0/topics/1/subtopics/0/resources/0": the chain of objects down to the path, innermost
 * first. `layerPosition` set: the root value is a layer (inline or a file of its own).
 */
function describePlace(root: unknown, path: PathSegment[], layerPosition: number | undefined): Place {
  const parts: string[] = [];
  let kind = 'roadmap';
  let definition = 'roadmap';
  if (layerPosition !== undefined) {
    parts.push(label(root, 'layer', true, layerPosition));
    [kind, definition] = ['layer', 'layer'];
  }
  let node: unknown = root;
  let list: string | undefined;
  for (const seg of path) {
    node = node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, seg) ? (node as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === 'number') {
      const item = listItem(list, definition);
      parts.push(label(node, item.kind, item.byId, seg));
      [kind, definition] = [item.kind, item.definition];
    } else if (seg === 'plan') {
      parts.push('the study plan');
      [kind, definition] = ['study plan', 'studyPlan'];
    } else list = seg;
  }
  // Innermost first; the layer closes the chain with "in": "resource #1 of topic "t1" in layer "one"".
  const where = parts.length === 0 ? 'the roadmap' : parts.reverse().map((p, i) => (i === 0 ? p : p.startsWith('layer ') ? `in ${p}` : `of ${p}`)).join(' ');
  return { where, kind, definition };
}

/** What an item of the list `list` inside an object of `definition` is. */
function listItem(list: string | undefined, definition: string): { kind: string; definition: string; byId: boolean } {
  // The roadmap's exercises are objects; a topic's, like a month's topics, are lists of ids.
  if (list === 'exercises') return definition === 'roadmap' ? { kind: 'exercise', definition: 'exercise', byId: true } : { kind: 'exercise id', definition: '', byId: false };
  if (list === 'topics' && definition === 'studyMonth') return { kind: 'planned id', definition: '', byId: false };
  return LISTS[list ?? ''] ?? { kind: 'item', definition: '', byId: false };
}

function label(node: unknown, kind: string, byId: boolean, position: number): string {
  const id = byId && node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 80 ? `${kind} "${id}"` : `${kind} #${position + 1}`;
}
