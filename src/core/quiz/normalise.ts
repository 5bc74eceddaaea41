/**
 * How a short answer and each accepted form are compared: Unicode NFKC, lower case, trimmed,
 * inner whitespace collapsed to one space, trailing full stops removed.
 */
export function normaliseAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?(e[+-]?\d+)?$/i;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/**
 * A number as a learner types it: `0.001`, `1e-3`, `-2.5`, `1,000` (commas between groups of
 * three digits), `1/3`, with a Unicode minus or spaces around. Undefined when it is not one
 * (`1,5` is refused rather than guessed).
 */
export function parseNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/^\u2212/, '-').replace(/\s+/g, '');
  if (t.length === 0 || t.length > 100) return undefined;
  let n: number | undefined;
  if (PLAIN.test(t)) n = Number(t);
  else if (THOUSANDS.test(t)) n = Number(t.replace(/,/g, ''));
  else {
    const f = FRACTION.exec(t);
    if (f && Number(f[2]) !== 0) n = Number(f[1]) / Number(f[2]);
  }
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}
