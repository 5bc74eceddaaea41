import { RE2JS } from 're2js';
import { QUIZ_LIMITS } from './quizLimits';

/**
 * Short-answer patterns run on RE2's engine (re2js), which matches in time linear in the input:
 * a pattern such as `^(a+)+$` that would backtrack for minutes in JavaScript's engine is matched
 * at once. The pattern must also be a JavaScript regular expression (what the format promises),
 * so features RE2 cannot bound in time (lookaround, backreferences) are refused with the reason.
 */
export type CompiledPattern = { ok: true; test: (text: string) => boolean } | { ok: false; message: string };

export function compilePattern(pattern: string): CompiledPattern {
  if (pattern.length > QUIZ_LIMITS.maxPattern) return { ok: false, message: `is ${pattern.length} characters long; a pattern may have at most ${QUIZ_LIMITS.maxPattern}` };
  try {
    new RegExp(pattern);
  } catch (e) {
    return { ok: false, message: `does not compile as a JavaScript regular expression (${firstLine((e as Error).message)})` };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    return { ok: false, message: `uses a feature that cannot be matched in bounded time (lookaround or a backreference: ${firstLine((e as Error).message)}); write it without one` };
  }
  return { ok: true, test: (text) => re.matcher(text).find() };
}

function firstLine(s: string): string {
  return s.split('\n')[0].slice(0, 200);
}
