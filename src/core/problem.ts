/** Something wrong with a roadmap, said so that an author can find and fix it. */
export interface Problem {
  /** Path of the file, as the loader was given it. */
  file: string;
  /** 1-based line and column; 1:1 when no better place is known. */
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}
