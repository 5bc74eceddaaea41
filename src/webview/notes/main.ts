// Front end of the notes panel. Builds the page with DOM APIs only (textContent, never
// innerHTML), so nothing from a roadmap file can become markup or script.
import { isToPanel, type FromPanel, type NotesView } from '../protocol';

declare function acquireVsCodeApi(): { postMessage(m: FromPanel): void };
const vscode = acquireVsCodeApi();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function render(view: NotesView) {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  root.append(el('p', view.context, 'context'), el('h1', view.title));
  if (view.goal) root.append(el('p', `Goal: ${view.goal}`, 'goal'));
  if (view.summary) root.append(el('p', view.summary, 'summary'));
  if (view.items.length) {
    root.append(el('h2', view.kind === 'layer' ? 'Topics' : 'Related'));
    const list = el('ul');
    for (const item of view.items) {
      const li = el('li');
      const button = el('button', item.title, 'link');
      button.addEventListener('click', () => vscode.postMessage({ type: 'open', id: item.id }));
      li.append(button);
      list.append(li);
    }
    root.append(list);
  }
  root.append(el('p', 'Full notes with math, code and status controls are coming in the next release.', 'placeholder'));
  document.title = view.title;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isToPanel(event.data)) render(event.data.view);
  else console.warn('AI Roadmap: ignored a message the panel does not understand', event.data);
});
// Announce readiness only now, so the extension never posts into a page that is not listening.
vscode.postMessage({ type: 'ready' });
