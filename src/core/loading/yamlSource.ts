import { CST, isAlias, isMap, isNode, isPair, isSeq, Lexer, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Problem } from '../problem';

/** Limits that keep a hostile or broken file from hanging the editor or exhausting memory. */
export const LIMITS = {
  maxFileBytes: 16 * 1024 * 1024,
  /** All YAML files of one roadmap together (the entry file and its layer files). */
  maxRoadmapBytes: 16 * 1024 * 1024,
  maxAliasCount: 50,
  maxFlowDepth: 64,
  maxIndent: 400,
  /** Nodes that aliases may add by repeating anchored ones: plenty for shared snippets, never a blow-up. */
  maxAliasNodes: 100_000,
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
  const encoding = utf16Hint(text);
  if (encoding) return fail(`The file is encoded as UTF-16 (${encoding}); roadmap files must be UTF-8. Save it again with UTF-8 encoding.`);
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) return fail('The file is nested too deeply to be a roadmap; it was not parsed.', tooDeep.line, tooDeep.column);

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // An empty file (or one of comments only) has no document; the caller says a mapping is missing.
  if (docs.length === 0) return { ok: true, source: { file, value: null, locate: () => ({ line: 1, column: 1 }) } };
  if (docs.length > 1) {
    return {
      ok: false,
      problems: [{ file, ...at(docs[1].range[0]), message: `The file holds ${docs.length} YAML documents (separated by "---"); a roadmap file holds exactly one. Split it into layer files, or remove the extra "---".`, severity: 'error' }],
    };
  }
  const doc = docs[0];
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((e) => ({ file, ...at(e.pos[0]), message: yamlMessage(e.message), severity: 'error' as const })),
    };
  }
  const aliasProblem = checkAliases(doc);
  if (aliasProblem) return { ok: false, problems: [{ file, ...at(aliasProblem.offset), message: aliasProblem.message, severity: 'error' }] };
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

/**
 * A scan run before parsing, on yaml's own lexer (linear and not recursive): the parser is
 * recursive, so deep nesting costs stack and time. Flow brackets count only where the lexer sees
 * them (not inside strings or comments). Block nesting is bounded by a line's indentation plus
 * the block indicators on it ("- - - x" and "k: ? ? x" nest one level per indicator).
 */
function findExcessiveNesting(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let offset = 0;
  let lineStart = 0;
  let block = 0;
  let atLineStart = true;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'newline') {
      line++;
      lineStart = offset + token.length;
      block = 0;
      atLineStart = true;
    } else if (type === 'space' && atLineStart) {
      block += token.length;
    } else if (type !== 'doc-mode') {
      atLineStart = false;
      if (depth === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')) block++;
    }
    if (block > LIMITS.maxIndent) return { line, column: offset - lineStart + 1 };
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (++depth > LIMITS.maxFlowDepth) return { line, column: offset - lineStart + 1 };
    } else if ((type === 'flow-seq-end' || type === 'flow-map-end') && depth > 0) depth--;
    // The lexer's control tokens (document mode, scalar marker) take no room in the text.
    if (token.length > 1 || token.charCodeAt(0) >= 32 || token === '\n' || token === '\t') offset += token.length;
  }
  return undefined;
}

/** Why the text looks like UTF-16 read as UTF-8, or undefined. */
function utf16Hint(text: string): string | undefined {
  if (text.startsWith('\uFFFD\uFFFD')) return 'it starts with a UTF-16 byte order mark';
  const head = text.slice(0, 4096);
  const nuls = head.split('\u0000').length - 1;
  return nuls > 0 && nuls * 4 >= head.length ? 'every other byte is zero' : undefined;
}

/**
 * An alias to an anchor that does not exist, or aliases that would repeat more than
 * LIMITS.maxAliasNodes nodes: found on the document, before any value is built.
 */
function checkAliases(doc: Document): { offset: number; message: string } | undefined {
  const sizes = new Map<Node, number>();
  let added = 0;
  let problem: { offset: number; message: string } | undefined;
  const size = (node: unknown): number => {
    if (problem) return 0;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) {
        problem = { offset: node.range?.[0] ?? 0, message: `The alias "*${node.source}" refers to no anchor: there is no "&${node.source}" before it. Define the anchor first, or write the value out.` };
        return 0;
      }
      // An alias inside its own anchor has no size yet; yaml refuses it when building the value.
      const n = sizes.get(target) ?? 1;
      added += n;
      if (added > LIMITS.maxAliasNodes) {
        problem = { offset: node.range?.[0] ?? 0, message: `The file uses YAML aliases too heavily: they would repeat more than ${LIMITS.maxAliasNodes.toLocaleString('en-US')} values, and aliases are for small shared values. Write the values out instead.` };
      }
      return n;
    }
    let n = 1;
    if (isMap(node) || isSeq(node)) for (const item of node.items) n += size(item);
    else if (isPair(node)) n = size(node.key) + size(node.value);
    if (isNode(node)) sizes.set(node, n);
    return n;
  };
  size(doc.contents);
  return problem;
}

function yamlMessage(raw: string): string {
  const first = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax: ${first}`;
}
