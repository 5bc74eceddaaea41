import katex, { type KatexOptions } from 'katex';

/** A formula longer than this is shown as its source: KaTeX's time grows faster than its length. */
export const MAX_MATH_CHARS = 4000;
/** User sizes KaTeX accepts, in em, both ways (KaTeX's own maxSize caps only the positive side). */
export const MAX_MATH_EM = 20;
/** Any length in the rendered HTML, in em: room for tall matrices, none for covering the panel. */
export const MAX_RENDERED_EM = 100;

// Ems per unit, as KaTeX converts them at its 10pt base size (rounded down, so the check is lenient).
const EM_PER_UNIT: Record<string, number> = { em: 1, ex: 0.43, mu: 1 / 18, pt: 0.1, bp: 0.1, dd: 0.1, pc: 1.2, cc: 1.2, mm: 0.28, cm: 2.8, in: 7.2, px: 0.1, sp: 0.1 / 65536 };
const NEGATIVE_SIZE = /-\s*(\d+(?:\.\d*)?|\.\d+)\s*(em|ex|mu|pt|bp|dd|pc|cc|mm|cm|in|px|sp)/g;

/**
 * KaTeX behind limits a note cannot get round: the formula's length, user sizes within
 * ±MAX_MATH_EM (a huge negative \kern or \hspace would move text over the panel's own), and, as a
 * backstop for sizes built by macros, every length in the output within ±MAX_RENDERED_EM.
 * Throws with a sentence the notes panel shows in place of the formula.
 */
export const boundedKatex = {
  ...katex,
  renderToString(latex: string, options: KatexOptions = {}): string {
    if (latex.length > MAX_MATH_CHARS) {
      throw new Error(`This formula has ${latex.length.toLocaleString('en-US')} characters; formulas may have at most ${MAX_MATH_CHARS.toLocaleString('en-US')}.`);
    }
    for (const m of latex.matchAll(NEGATIVE_SIZE)) {
      if (Number(m[1]) * EM_PER_UNIT[m[2]] > MAX_MATH_EM) throw new Error(`The size "${m[0].replace(/\s+/g, '')}" is out of range; sizes in formulas lie between -${MAX_MATH_EM}em and ${MAX_MATH_EM}em.`);
    }
    return clampLengths(katex.renderToString(latex, { ...options, maxSize: MAX_MATH_EM }));
  },
};

/** Lengths in style attributes (KaTeX writes them all in em) kept within ±MAX_RENDERED_EM. */
export function clampLengths(html: string): string {
  return html.replace(/style="[^"]*"/g, (style) =>
    style.replace(/(-?)(\d+(?:\.\d+)?|\.\d+)em/g, (whole, sign: string, n: string) => (Number(n) > MAX_RENDERED_EM ? `${sign}${MAX_RENDERED_EM}em` : whole)),
  );
}
