// A loaded roadmap sent from the core worker to the extension host in parts. One message of a
// 10,000-topic roadmap held the host for the whole of its structured clone (a quarter of a second in
// the web worker host); in parts of a bounded size, each received in a task of its own, no one hold
// grows with the roadmap.
import type { Topic } from '../model';
import type { LoadResult } from './loadRoadmap';

/** About this many characters of JSON per part: a few milliseconds of structured clone on the host. */
export const PART_CHARS = 256 * 1024;

/** The loaded roadmap with every layer's topics left out, and how many come in the parts. */
export interface LoadHead {
  result: LoadResult;
  /** The number of topics of each layer, in the layers' order; empty when the load failed. */
  topics: number[];
  /** The number of parts that follow. */
  parts: number;
}

/** Consecutive topics of one layer, from the `from`-th (from 0). */
export interface LoadPart {
  layer: number;
  from: number;
  topics: Topic[];
}

/**
 * Splits a load result into a head and parts of at most about `partChars` characters of JSON each
 * (a topic larger than that is a part alone), in the layers' order. Runs in the worker.
 */
export function splitLoadResult(result: LoadResult, partChars = PART_CHARS): { head: LoadHead; parts: LoadPart[] } {
  if (!result.ok) return { head: { result, topics: [], parts: 0 }, parts: [] };
  const parts: LoadPart[] = [];
  result.roadmap.layers.forEach((layer, li) => {
    let part: LoadPart | undefined;
    let chars = 0;
    layer.topics.forEach((topic, i) => {
      // The JSON length stands for what the clone costs: strings, and the objects and arrays around them.
      const size = JSON.stringify(topic)?.length ?? 0;
      if (!part || chars + size > partChars) {
        part = { layer: li, from: i, topics: [] };
        parts.push(part);
        chars = 0;
      }
      part.topics.push(topic);
      chars += size;
    });
  });
  const roadmap = { ...result.roadmap, layers: result.roadmap.layers.map((l) => ({ ...l, topics: [] })) };
  return { head: { result: { ...result, roadmap }, topics: result.roadmap.layers.map((l) => l.topics.length), parts: parts.length }, parts };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const count = (n: number) => n.toLocaleString('en-US');

/** A part of the core worker's answer that cannot be taken: its sentence says which and why. */
function refused(why: string): Error {
  return new Error(`The core worker's answer was refused: ${why}.`);
}

/**
 * Puts a loaded roadmap back together on the host from the worker's head and parts, one part at a
 * time. Every part is checked against the head before it is taken: a part that is not one, comes out
 * of order, or brings more topics than the head announced is refused with a sentence, and so is an
 * answer that ends before every announced topic came.
 */
export class LoadResultAssembler {
  private readonly layers: Topic[][] = [];
  private readonly counts: number[] = [];
  private readonly head: LoadResult;
  /** The layer the next part must fill (parts come in the layers' order). */
  private at = 0;
  private received = 0;
  /** The number of parts the head announced. */
  readonly parts: number;

  constructor(head: unknown) {
    if (!isRecord(head) || !isRecord(head.result) || typeof head.result.ok !== 'boolean') throw refused('its head is not a load result');
    const { result, topics, parts } = head;
    if (!Array.isArray(topics) || !topics.every(isCount) || !isCount(parts)) throw refused('its head does not say how many topics and parts follow');
    const total = topics.reduce((n: number, c: number) => n + c, 0);
    // Every part brings at least one topic: no more parts than topics, so a head cannot ask for endless parts.
    if (parts > total || (total > 0 && parts === 0)) throw refused(`its head announces ${count(parts)} parts for ${count(total)} topics`);
    if (result.ok) {
      const roadmap = result.roadmap;
      if (!isRecord(roadmap) || !Array.isArray(roadmap.layers) || roadmap.layers.length !== topics.length) throw refused('its head does not give one topic count per layer');
      roadmap.layers.forEach((layer: unknown, i: number) => {
        if (!isRecord(layer) || !Array.isArray(layer.topics) || layer.topics.length !== 0) throw refused(`layer ${i + 1} of its head is not a layer whose topics come in parts`);
        this.layers.push(layer.topics as Topic[]);
      });
    } else if (topics.length || parts) throw refused('a roadmap that did not load comes with parts');
    this.head = result as LoadResult;
    this.counts = topics;
    this.parts = parts;
  }

  /** Takes the next part. */
  add(part: unknown): void {
    const n = this.received + 1;
    if (this.received >= this.parts) throw refused(`part ${count(n)} comes after the ${count(this.parts)} its head announced`);
    if (!isRecord(part) || !isCount(part.layer) || !isCount(part.from) || !Array.isArray(part.topics) || part.topics.length === 0) throw refused(`part ${count(n)} is not a layer's topics`);
    const { layer, from, topics } = part;
    if (layer >= this.layers.length) throw refused(`part ${count(n)} names layer ${count(layer + 1)} of ${count(this.layers.length)}`);
    while (this.at < layer && this.layers[this.at].length === this.counts[this.at]) this.at++;
    const filled = this.layers[layer].length;
    if (layer !== this.at || from !== filled) {
      throw refused(`part ${count(n)} is out of order: it starts at topic ${count(from + 1)} of layer ${count(layer + 1)}, where topic ${count(this.layers[this.at].length + 1)} of layer ${count(this.at + 1)} comes next`);
    }
    if (filled + topics.length > this.counts[layer]) throw refused(`part ${count(n)} brings layer ${count(layer + 1)} to ${count(filled + topics.length)} topics, where its head announced ${count(this.counts[layer])}`);
    for (const t of topics) {
      if (!isRecord(t)) throw refused(`part ${count(n)} holds something that is not a topic`);
      this.layers[layer].push(t as unknown as Topic);
    }
    this.received = n;
  }

  /** The whole load result, once every announced part came. */
  result(): LoadResult {
    if (this.received < this.parts) throw refused(`it ended after ${count(this.received)} of ${count(this.parts)} parts`);
    const short = this.layers.findIndex((topics, i) => topics.length !== this.counts[i]);
    if (short >= 0) throw refused(`layer ${count(short + 1)} has ${count(this.layers[short].length)} of the ${count(this.counts[short])} topics its head announced`);
    return this.head;
  }
}
