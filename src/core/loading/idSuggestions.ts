/**
 * "Did you mean …?" for unknown ids, bounded: at most `maxSearches` searches per roadmap, and
 * each looks only at ids of a close length whose letters could be a small edit away (a letter
 * count check, far cheaper than the edit distance it spares).
 */
export class IdSuggestions {
  static readonly MAX_DISTANCE = 2;
  static readonly MAX_SEARCHES = 200;
  private readonly byLength = new Map<number, Array<{ id: string; counts: Int16Array }>>();
  private searches = 0;
  /** Unknown ids that got no search because the budget was spent. */
  skipped = 0;

  constructor(
    known: Iterable<string>,
    private readonly maxSearches = IdSuggestions.MAX_SEARCHES,
  ) {
    for (const id of known) {
      const bucket = this.byLength.get(id.length) ?? [];
      bucket.push({ id, counts: letterCounts(id) });
      this.byLength.set(id.length, bucket);
    }
  }

  /** " Did you mean "x"?" or "". */
  suggest(id: string): string {
    if (this.searches >= this.maxSearches) {
      this.skipped++;
      return '';
    }
    this.searches++;
    const counts = letterCounts(id);
    let best: string | undefined;
    let bestDist = IdSuggestions.MAX_DISTANCE + 1;
    for (let len = id.length - IdSuggestions.MAX_DISTANCE; len <= id.length + IdSuggestions.MAX_DISTANCE; len++) {
      for (const k of this.byLength.get(len) ?? []) {
        if (Math.abs(len - id.length) >= bestDist || bagDistance(counts, k.counts) >= bestDist) continue;
        const d = editDistance(id, k.id, bestDist);
        if (d < bestDist) [best, bestDist] = [k.id, d];
      }
    }
    return best ? ` Did you mean "${best}"?` : '';
  }
}

const SLOTS = 38;

/** Counts of a-z, 0-9, "-" and anything else: ids follow the schema, so these are all there is. */
function letterCounts(s: string): Int16Array {
  const counts = new Int16Array(SLOTS);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts[c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : c === 45 ? 36 : 37]++;
  }
  return counts;
}

/** A lower bound of the edit distance: each edit changes the letter counts by at most one each way. */
function bagDistance(a: Int16Array, b: Int16Array): number {
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < SLOTS; i++) {
    const d = a[i] - b[i];
    if (d > 0) more += d;
    else fewer -= d;
  }
  return Math.max(more, fewer);
}

/** Levenshtein distance, or `cap` as soon as it cannot be below it. */
export function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return Math.min(prev[b.length], cap);
}
