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
