/** Small DOM helpers: every text goes in through textContent, never as markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; cls?: string; attrs?: Record<string, string> } = {},
  ...children: Array<Node | string | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.cls) node.className = props.cls;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

/** A button that looks like a link: reachable by Tab, activated by Enter and Space. */
export function linkButton(text: string, onClick: () => void, label?: string): HTMLButtonElement {
  const b = el('button', { text, cls: 'link', attrs: label ? { 'aria-label': label } : {} });
  b.addEventListener('click', onClick);
  return b;
}

/**
 * Parses HTML the extension rendered (markdown-it with raw HTML off) into nodes. A parsed
 * document's scripts never run, and the CSP allows only this page's nonce besides.
 */
export function parseTrustedHtml(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...doc.body.childNodes];
}
