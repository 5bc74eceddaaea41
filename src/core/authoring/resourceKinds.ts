/**
 * Resource kinds for imported links. The words are the schema's (issue 15 adds article, official,
 * opensource, podcast and roadmap); a link's kind is guessed from its address, and an author can
 * name it instead: "- [Title](https://…) (video)".
 */
export const RESOURCE_KIND_WORDS = ['book', 'course', 'video', 'paper', 'docs', 'tool', 'community', 'article', 'official', 'opensource', 'podcast', 'roadmap'];

const BY_HOST: Array<[RegExp, string]> = [
  [/(^|\.)(youtube\.com|youtu\.be|vimeo\.com)$/, 'video'],
  [/(^|\.)(arxiv\.org|doi\.org|openreview\.net|aclanthology\.org|papers\.nips\.cc|proceedings\.neurips\.cc|proceedings\.mlr\.press|jmlr\.org|dl\.acm\.org|ieeexplore\.ieee\.org)$/, 'paper'],
  [/(^|\.)(github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|huggingface\.co)$/, 'opensource'],
  [/(^|\.)(coursera\.org|edx\.org|udemy\.com|udacity\.com|khanacademy\.org|fast\.ai|deeplearning\.ai|ocw\.mit\.edu)$/, 'course'],
  [/(^|\.)(podcasts\.apple\.com|open\.spotify\.com|overcast\.fm|pca\.st)$/, 'podcast'],
  [/(^|\.)roadmap\.sh$/, 'roadmap'],
  [/(^|\.)(reddit\.com|stackoverflow\.com|stackexchange\.com|discord\.gg|discord\.com|news\.ycombinator\.com)$/, 'community'],
  [/(^|\.)(developer\.mozilla\.org|readthedocs\.io|readthedocs\.org|docs\.python\.org|pytorch\.org|numpy\.org|scikit-learn\.org)$/, 'docs'],
  [/^docs\./, 'docs'],
];

/** The kind of resource a link most likely is: by its host, then its path, else an article. */
export function guessResourceKind(url: string, title = ''): string {
  let host = '';
  let path = '';
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase().replace(/^www\./, '');
    path = u.pathname.toLowerCase();
  } catch {
    return 'article';
  }
  for (const [re, kind] of BY_HOST) if (re.test(host)) return kind;
  if (/\.pdf$/.test(path) || /\bpaper\b/i.test(title)) return 'paper';
  if (/(^|\/)(docs?|documentation|reference|api)(\/|$)/.test(path)) return 'docs';
  if (/podcast/.test(host + path)) return 'podcast';
  if (/(^|\/)(course|courses|learn)(\/|$)/.test(path)) return 'course';
  return 'article';
}
