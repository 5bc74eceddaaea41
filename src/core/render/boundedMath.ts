import katex, { type KatexOptions } from 'katex';

/** A formula longer than this is not typeset: KaTeX's time grows faster than its length. */
export const MAX_MATH_CHARS = 4000;
/** All formulas of one note together; those past it are not typeset (about 10 s of KaTeX at worst). */
export const MAX_NOTE_MATH_CHARS = 60_000;
/** User sizes KaTeX accepts, in em, both ways (KaTeX's own maxSize caps only the positive side). */
export const MAX_MATH_EM = 20;
/** Heights and shifts in the rendered HTML, in em: room for tall matrices, none for covering the panel. */
export const MAX_RENDERED_EM = 100;

// Ems per unit, as KaTeX converts them at its 10pt base size (rounded down, so the check is lenient).
const EM_PER_UNIT: Record<string, number> = { em: 1, ex: 0.43, mu: 1 / 18, pt: 0.1, bp: 0.1, dd: 0.1, pc: 1.2, cc: 1.2, mm: 0.28, cm: 2.8, in: 7.2, px: 0.1, sp: 0.1 / 65536 };
const NEGATIVE_SIZE = /-\s*(\d+(?:\.\d*)?|\.\d+)\s*(em|ex|mu|pt|bp|dd|pc|cc|mm|cm|in|px|sp)/g;

/**
 * KaTeX behind limits a note cannot get round: the formula's length, user sizes within
 * ±MAX_MATH_EM (a huge negative \kern or \hspace would move text over the panel's own), and, as a
 * backstop for sizes built by macros, the lengths in the output (see clampLengths).
 * Throws with a sentence the notes panel shows in place of the formula.
 */
export function boundedKatex() {
  let left = MAX_NOTE_MATH_CHARS;
  return {
    ...katex,
    /** Called before each note: the budget is per note. */
    startNote() {
      left = MAX_NOTE_MATH_CHARS;
    },
    renderToString(latex: string, options: KatexOptions = {}): string {
      if (latex.length > MAX_MATH_CHARS) {
        throw new Error(`This formula has ${latex.length.toLocaleString('en-US')} characters; formulas may have at most ${MAX_MATH_CHARS.toLocaleString('en-US')}.`);
      }
      left -= latex.length;
      if (left < 0) throw new Error(`This note has more than ${MAX_NOTE_MATH_CHARS.toLocaleString('en-US')} characters of formulas; the rest are not typeset.`);
      return renderBounded(latex, options);
    },
  };
}

function renderBounded(latex: string, options: KatexOptions): string {
  for (const m of latex.matchAll(NEGATIVE_SIZE)) {
    if (Number(m[1]) * EM_PER_UNIT[m[2]] > MAX_MATH_EM) throw new Error(`The size "${m[0].replace(/\s+/g, '')}" is out of range; sizes in formulas lie between -${MAX_MATH_EM}em and ${MAX_MATH_EM}em.`);
  }
  return clampLengths(katex.renderToString(latex, { ...options, maxSize: MAX_MATH_EM }));
}

/**
 * Lengths in style attributes (KaTeX writes them all in em) kept in range: margins, which is how
 * kerns and spaces come out, within ±MAX_MATH_EM; heights and shifts within ±MAX_RENDERED_EM.
 */
export function clampLengths(html: string): string {
  return html.replace(/style="([^"]*)"/g, (_, css: string) => {
    const bounded = css.replace(/([a-z-]+)\s*:\s*([^;]*)/g, (_decl, prop: string, value: string) => {
      const max = prop.startsWith('margin') ? MAX_MATH_EM : MAX_RENDERED_EM;
      const clamped = value.replace(/(-?)(\d+(?:\.\d+)?|\.\d+)em/g, (whole, sign: string, n: string) => (Number(n) > max ? `${sign}${max}em` : whole));
      return `${prop}:${clamped}`;
    });
    return `style="${bounded}"`;
  });
}
