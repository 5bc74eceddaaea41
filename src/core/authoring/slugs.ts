/** Ids for imported titles: lowercase letters, digits and single hyphens (valid before and after issue 15's "--"). */
export function slugOf(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "é" is "e"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Hands out ids unique in one roadmap (layers, topics and sub-topics share one namespace). */
export class IdAllocator {
  // A Map, not an object: "constructor" or "__proto__" are titles like any other.
  private readonly taken = new Map<string, number>();

  take(title: string, fallback: string): string {
    const base = slugOf(title, fallback);
    let n = this.taken.get(base) ?? 0;
    let id = n === 0 ? base : `${base}-${n + 1}`;
    while (this.taken.has(id)) id = `${base}-${++n + 1}`;
    this.taken.set(base, n + 1);
    this.taken.set(id, Math.max(this.taken.get(id) ?? 0, 1));
    return id;
  }
}

/** A title from a folder or file name: "web-course" is "Web course". */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
