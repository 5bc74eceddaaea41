import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../problem';

/** Limits that keep a hostile or broken file from hanging the editor or exhausting memory. */
export const LIMITS = {
  maxFileBytes: 16 * 1024 * 1024,
  maxAliasCount: 50,
  maxFlowDepth: 64,
  maxIndent: 400,
};

export type PathSegment = string | number;

/** One parsed YAML file: its value, and a way back from a value path to a line and column. */
export interface YamlSource {
  file: string;
  value: unknown;
  locate(path: readonly PathSegment[]): { line: number; column: number };
}

export type ParseOutcome = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

export function parseYaml(file: string, text: string): ParseOutcome {
  const fail = (message: string, line = 1, column = 1): ParseOutcome => ({
    ok: false,
    problems: [{ file, line, column, message, severity: 'error' }],
  });
  if (text.length > LIMITS.maxFileBytes) {
    return fail(`The file is ${(text.length / 1048576).toFixed(1)} MB; roadmap files may be at most ${LIMITS.maxFileBytes / 1048576} MB.`);
  }
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) return fail('The file is nested too deeply to be a roadmap; it was not parsed.', tooDeep.line, tooDeep.column);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((e) => ({ file, ...at(e.pos[0]), message: yamlMessage(e.message), severity: 'error' as const })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount (a "billion laughs" file).
    return fail(`The file uses YAML aliases too heavily (${(e as Error).message}); write the values out instead.`);
  }
  return { ok: true, source: { file, value, locate: (path) => locate(doc, path, at) } };
}

/** The node at `path`, or its nearest ancestor that exists, so a missing key points at its parent. */
function locate(doc: Document, path: readonly PathSegment[], at: (offset: number) => { line: number; column: number }) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return at(node.range[0]);
    // For a key whose value is empty, point at the key itself.
    const parent = doc.getIn(path.slice(0, n - 1), true);
    if (n > 0 && isNode(parent) && 'items' in parent) {
      const key = path[n - 1];
      const items = (parent as { items: Array<{ key?: unknown }> }).items;
      const pair = items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
      if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
    }
  }
  return { line: 1, column: 1 };
}

/** A cheap scan run before parsing: the parser is recursive, so deep nesting costs stack and time. */
function findExcessiveNesting(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let indent = 0;
  let inIndent = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      indent = 0;
      inIndent = true;
      continue;
    }
    if (inIndent) {
      if (c === 32) {
        if (++indent > LIMITS.maxIndent) return { line, column: i - lineStart + 1 };
        continue;
      }
      inIndent = false;
    }
    if (c === 91 || c === 123) {
      if (++depth > LIMITS.maxFlowDepth) return { line, column: i - lineStart + 1 };
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

function yamlMessage(raw: string): string {
  const first = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax: ${first}`;
}
