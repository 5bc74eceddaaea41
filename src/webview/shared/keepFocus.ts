/**
 * When the panel gets the focus back (Escape from the command palette or a quick pick it opened),
 * VS Code focuses the page, not the control that had it: give it back to that control.
 */
let last: HTMLElement | undefined;

document.addEventListener('focusin', (e) => {
  if (e.target instanceof HTMLElement && e.target !== document.body) last = e.target;
});

window.addEventListener('focus', () => {
  // After the focus event VS Code's own bootstrap may still move the focus: restore on the next turn.
  window.setTimeout(() => {
    if (last?.isConnected && (document.activeElement === document.body || document.activeElement === null)) last.focus();
  }, 0);
});

/**
 * Focuses a control when the page has the focus, else when it gets it. A page without the focus
 * that focused an element would pull the focus out of a quick pick open over the panel, closing it.
 */
export function focusWhenShown(target: HTMLElement | null | undefined): void {
  if (!target) return;
  last = target;
  if (document.hasFocus()) target.focus();
}
