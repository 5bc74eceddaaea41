import type MarkdownIt from 'markdown-it';

/**
 * Gives each heading an id from `slugify`, unique within the note ("same", "same-1", ...). A
 * counter per slug makes that linear: a loop that tries "-1", "-2", ... from the start each time
 * costs quadratic time on a note of many equal headings.
 */
export const headingIds = (md: MarkdownIt.MarkdownIt, slugify: (s: string) => string): void => {
  md.core.ruler.push('heading_ids', (state) => {
    const taken = new Set<string>();
    const next = new Map<string, number>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'heading_open') continue;
      const text = (tokens[i + 1]?.children ?? [])
        .filter((t) => t.type === 'text' || t.type === 'code_inline')
        .map((t) => t.content)
        .join('');
      const base = slugify(text);
      let id = base;
      if (taken.has(id)) {
        let n = next.get(base) ?? 1;
        while (taken.has(`${base}-${n}`)) n++;
        id = `${base}-${n}`;
        next.set(base, n + 1);
      }
      taken.add(id);
      tokens[i].attrSet('id', id);
    }
  });
};
