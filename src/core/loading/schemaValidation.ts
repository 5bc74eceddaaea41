import type { ErrorObject, ValidateFunction } from 'ajv';
import { layer, roadmap } from './schemaValidators';
import type { PathSegment } from './yamlSource';

/** A schema violation at a value path, in words an author understands. */
export interface SchemaIssue {
  path: PathSegment[];
  message: string;
}

const MAX_ISSUES = 50;

export function validateRoadmapShape(value: unknown): SchemaIssue[] {
  return run(roadmap, value, [], 'the roadmap');
}

export function validateLayerShape(value: unknown, basePath: PathSegment[] = []): SchemaIssue[] {
  return run(layer, value, basePath, 'the layer');
}

function run(validate: ValidateFunction, value: unknown, basePath: PathSegment[], rootLabel: string): SchemaIssue[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, MAX_ISSUES).map((e) => toIssue(e, value, basePath, rootLabel));
}

function toIssue(e: ErrorObject, root: unknown, basePath: PathSegment[], rootLabel: string): SchemaIssue {
  const rel = pointerToPath(e.instancePath);
  const path = [...basePath, ...rel];
  const where = describePlace(root, rel, rootLabel);
  const field = typeof rel[rel.length - 1] === 'string' ? `"${rel[rel.length - 1]}"` : 'this value';
  let message: string;
  switch (e.keyword) {
    case 'required':
      message = `${where} is missing "${(e.params as { missingProperty: string }).missingProperty}".`;
      break;
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return { path: [...path, extra], message: `${where} has an unknown property "${extra}"; check its spelling.` };
    }
    case 'enum':
      message = `${field} in ${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}.`;
      break;
    case 'type':
      message = `${field} in ${where} must be ${article((e.params as { type: string | string[] }).type)}.`;
      break;
    case 'pattern':
      message = isIdPattern((e.params as { pattern?: string }).pattern)
        ? `${field} in ${where} must be a lowercase kebab-case id such as "linear-algebra".`
        : `${field} in ${where} does not have the expected form (${e.message}).`;
      break;
    default:
      message = `${field} in ${where} ${e.message ?? 'is not valid'}.`;
  }
  return { path, message };
}

function isIdPattern(s: unknown): boolean {
  return typeof s === 'string' && s.startsWith('^[a-z0-9]+');
}

function article(type: string | string[]): string {
  const t = Array.isArray(type) ? type.join(' or ') : type;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** "topic \"calculus\"" rather than "/layers/0/topics/1": the nearest object with an id. */
function describePlace(root: unknown, path: PathSegment[], rootLabel: string): string {
  let node: unknown = root;
  let label = rootLabel;
  let kind = 'roadmap';
  for (const seg of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[seg];
    if (typeof seg === 'string') kind = singular(seg);
    if (typeof seg === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      label = typeof id === 'string' ? `${kind} "${id}"` : `${kind} #${seg + 1}`;
    }
  }
  return label;
}

function singular(key: string): string {
  const names: Record<string, string> = {
    layers: 'layer',
    topics: 'topic',
    resources: 'resource',
    exercises: 'exercise',
    months: 'month',
    practicalRoad: 'practical road step',
    prerequisites: 'prerequisite',
    tags: 'tag',
    covers: 'covered id',
  };
  return names[key] ?? key;
}
