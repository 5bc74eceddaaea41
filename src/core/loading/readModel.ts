import type { ExerciseEntry, Layer, PracticalStep, Resource, Roadmap, StudyPlan, Topic } from '../model';

/**
 * The roadmap model from parsed YAML, read leniently: a value of the wrong type becomes empty
 * ("" for an id, [] for a list) at the same position, so the semantic checks run on everything
 * that could be read, with paths that still point into the files, while the schema's messages
 * say what was wrong. For a roadmap the schema accepts, this is its model with the optional
 * lists filled in. Unknown properties ride along (the schema has reported them), so a field
 * another part of the extension adds is kept without a change here.
 */
export function readModel(raw: unknown, layers: readonly unknown[]): Roadmap {
  const r = mapping(raw);
  const plan = r.plan === undefined ? undefined : readPlan(r.plan);
  return defined({
    id: text(r.id),
    title: text(r.title),
    version: text(r.version),
    description: optionalText(r.description),
    layers: layers.map(readLayer),
    practicalRoad: list(r.practicalRoad).map(readStep),
    plan,
    exercises: list(r.exercises).map(readExercise),
  });
}

function readLayer(raw: unknown, position: number): Layer {
  const { $schema: _schema, ...l } = mapping(raw);
  return defined({
    ...l,
    id: text(l.id),
    // Optional: the position gives it (a different number is a warning of the semantic checks).
    number: typeof l.number === 'number' && Number.isInteger(l.number) ? l.number : position + 1,
    title: text(l.title),
    goal: optionalText(l.goal),
    summary: optionalText(l.summary),
    topics: list(l.topics).map((t) => readTopic(t, true)),
  });
}

function readTopic(raw: unknown, withSubtopics: boolean): Topic {
  const t = mapping(raw);
  return defined({
    ...t,
    id: text(t.id),
    title: text(t.title),
    summary: optionalText(t.summary),
    notes: optionalText(t.notes),
    prerequisites: texts(t.prerequisites),
    hours: typeof t.hours === 'number' && Number.isFinite(t.hours) && t.hours > 0 ? t.hours : undefined,
    tags: texts(t.tags),
    resources: list(t.resources).map(readResource),
    exercises: texts(t.exercises),
    // One level only: what a sub-topic lists as its own sub-topics is reported, never read.
    subtopics: withSubtopics ? list(t.subtopics).map((s) => readTopic(s, false)) : [],
  });
}

function readResource(raw: unknown): Resource {
  const r = mapping(raw);
  return { ...r, title: text(r.title), url: text(r.url), kind: text(r.kind) as Resource['kind'] };
}

function readExercise(raw: unknown): ExerciseEntry {
  const e = mapping(raw);
  return defined({ ...e, id: text(e.id), title: text(e.title), topic: text(e.topic), difficulty: text(e.difficulty) as ExerciseEntry['difficulty'], path: optionalText(e.path) });
}

function readStep(raw: unknown): PracticalStep {
  const s = mapping(raw);
  return { ...s, title: text(s.title), covers: texts(s.covers) };
}

function readPlan(raw: unknown): StudyPlan {
  const p = mapping(raw);
  return defined({
    ...p,
    title: text(p.title),
    summary: optionalText(p.summary),
    months: list(p.months).map((m, i) => {
      const month = mapping(m);
      return defined({ ...month, month: typeof month.month === 'number' ? month.month : i + 1, title: text(month.title), phase: optionalText(month.phase), topics: texts(month.topics), milestone: text(month.milestone) });
    }),
  });
}

/** The object without its undefined fields, as a model read from JSON has them: absent, not undefined. */
function defined<T extends object>(o: T): T {
  for (const key of Object.keys(o) as Array<keyof T>) if (o[key] === undefined) delete o[key];
  return o;
}

/** An object's own fields; anything else reads as an empty object. */
function mapping(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function optionalText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A list of ids or tags; an item of another type keeps its place as "", which no check takes for an id. */
function texts(v: unknown): string[] {
  return list(v).map(text);
}
