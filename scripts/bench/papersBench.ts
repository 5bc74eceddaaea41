import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plugins } from '@citation-js/core';
import { XMLParser } from 'fast-xml-parser';
import { parseArxivAtom } from '../../src/core/papers/arxivAtom';
import { paperToCsl, papersToBibtex } from '../../src/core/papers/bibtex';
import { addPaper, emptyResearch, setPaperStatus, type Paper } from '../../src/core/papers/paperModel';
import { ms, type Row } from './measure';

/** A 100-entry arXiv response built from the recorded entries, each with its own id. */
export function atomOf(root: string, entries: number): string {
  const several = readFileSync(join(root, 'test', 'fixtures', 'arxiv', 'several-entries.xml'), 'utf8');
  const recorded = several.match(/<entry>[\s\S]*?<\/entry>/g)!;
  const body = Array.from({ length: entries }, (_, i) => recorded[i % recorded.length].replace(/abs\/[\w./-]+?v(\d)/g, `abs/2401.${String(10000 + i)}v$1`)).join('\n  ');
  return several.replace(/<entry>[\s\S]*<\/entry>/, body);
}

function papers(n: number, atom: string): Paper[] {
  const r = parseArxivAtom(atom);
  if (!r.ok) throw new Error(r.error);
  let s = emptyResearch();
  for (let i = 0; i < n; i++) {
    const e = r.entries[i % r.entries.length];
    const id = `arxiv:2401.${String(10000 + i)}`;
    s = setPaperStatus(addPaper(s, id, { ...e, arxivId: id.slice(6) }, new Date(Date.UTC(2026, 0, 1 + (i % 28)))), id, 'first-pass', new Date(Date.UTC(2026, 1, 1)));
  }
  return Object.values(s.papers);
}

/** Median of `runs`, alternating ours and the floor after warm-ups, so both see the same JIT and GC. */
function paired(ours: () => unknown, floor: () => unknown, runs = 21, warm = 5): [number, number] {
  for (let i = 0; i < warm; i++) {
    ours();
    floor();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    ours();
    a.push(performance.now() - t0);
    t0 = performance.now();
    floor();
    b.push(performance.now() - t0);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(a), median(b)];
}

/**
 * Our Atom reader beside bare fast-xml-parser (validating, same options), and our BibTeX export
 * beside bare citation-js formatting the same CSL items.
 */
export function papersRows(root: string): Row[] {
  const atom = atomOf(root, 100);
  const bare = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, processEntities: false, parseTagValue: false, parseAttributeValue: false, trimValues: true, isArray: (name: string) => ['entry', 'author', 'link', 'category'].includes(name) });
  const [parse, parseFloor] = paired(() => parseArxivAtom(atom), () => bare.parse(atom, true)); // validate then parse, as ours does
  const list = papers(1000, atomOf(root, 1000));
  const csl = list.map(paperToCsl);
  const [bib, bibFloor] = paired(() => papersToBibtex(list), () => plugins.output.format('bibtex', csl, { format: 'text' }), 11, 3);
  return [
    { figure: `parse a 100-entry arXiv Atom response (${Math.round(atom.length / 1024)} KB)`, value: ms(parse), floor: ms(parseFloor), ratio: `${(parse / parseFloor).toFixed(2)}x`, goal: '< 20 ms' },
    { figure: 'export 1,000 papers to BibTeX', value: ms(bib), floor: ms(bibFloor), ratio: `${(bib / bibFloor).toFixed(2)}x`, goal: '< 100 ms' },
  ];
}
