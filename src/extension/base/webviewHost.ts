import * as vscode from 'vscode';
import type { Check, MessageHandlers } from '../../core/util/messageSchema';
import { Disposable } from './lifecycle';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** What makes one kind of panel: its page, and the protocol its page speaks. */
export interface WebviewSpec<In extends { type: string }, State = never> {
  viewType: string;
  /** Named in the log, e.g. "notes panel". */
  name: string;
  /** The panel's title until it sets its own. */
  title: string;
  /** Built files under dist/webview and media/webview. */
  script: string;
  styles: string[];
  isMessage: Check<In>;
  /** What the page keeps with setState, checked before a restored panel uses it. */
  isState?: Check<State>;
  /** More image sources than the extension's own files: the map draws its PNG export through a blob: URL it makes itself. */
  imgSrc?: string[];
}

/**
 * One webview panel and its page. It writes the HTML (strict CSP, this load's nonce), waits for
 * the page's "ready" before posting (keeping the latest message of each type until then),
 * checks every message the page sends and hands it to the handler for its type. A page that
 * loads again (a hidden panel shown anew) says "ready" again: `resend` then posts its content.
 */
export class WebviewHost<In extends { type: string }, Out extends { type: string }> extends Disposable {
  private ready = false;
  private gone = false;
  private readonly queue = new Map<Out['type'], { message: Out; delivered: (posted: boolean) => void }>();
  private readonly closed = this._register(new vscode.EventEmitter<void>());
  readonly onDidClose = this.closed.event;

  /** A new panel, in the active column unless told otherwise. */
  static createPanel(extensionUri: vscode.Uri, spec: WebviewSpec<{ type: string }, unknown>, show: { viewColumn: vscode.ViewColumn; preserveFocus?: boolean } = { viewColumn: vscode.ViewColumn.Active }): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(spec.viewType, spec.title, show, webviewOptions(extensionUri));
  }

  /** Readies a panel VS Code restored (its options are not kept) and returns its saved state if it passes the check. */
  static restoredState<State>(extensionUri: vscode.Uri, spec: WebviewSpec<{ type: string }, State>, panel: vscode.WebviewPanel, state: unknown): State | undefined {
    panel.webview.options = webviewOptions(extensionUri);
    return spec.isState?.(state) ? state : undefined;
  }

  /**
   * Lets the panel load from `contentRoots` (and the extension's own folders) alone. The page
   * reloads when they change, and says "ready" again; nothing happens when they are the same.
   */
  static setContentRoots(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, contentRoots: readonly vscode.Uri[]): void {
    const wanted = webviewOptions(extensionUri, contentRoots);
    const key = (roots: readonly vscode.Uri[] | undefined) => (roots ?? []).map((r) => r.toString()).join('\n');
    if (key(panel.webview.options.localResourceRoots) !== key(wanted.localResourceRoots)) panel.webview.options = wanted;
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    spec: WebviewSpec<In, unknown>,
    handlers: MessageHandlers<In>,
    private readonly resend: () => unknown,
    log: vscode.LogOutputChannel,
  ) {
    super();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = webviewHtml(panel.webview, extensionUri, { title: spec.title, script: spec.script, styles: spec.styles, imgSrc: spec.imgSrc });
    this._register(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!spec.isMessage(m)) return log.warn(`The ${spec.name} sent a message that was ignored:`, JSON.stringify(m)?.slice(0, 200));
        if (m.type === 'ready') return this.onReady();
        const handle = handlers[m.type as Exclude<In['type'], 'ready'>] as (message: In) => unknown;
        void (async () => handle(m))().catch((e: Error) => log.error(`The ${spec.name}: ${e.message}`));
      }),
    );
    this._register(
      panel.onDidDispose(() => {
        this.gone = true;
        this.closed.fire();
        this.dispose();
      }),
    );
  }

  /** Whether the page has said "ready" (a panel that posts a series of messages waits for it, as the queue keeps one of each type). */
  get isReady(): boolean {
    return this.ready && !this.isDisposed;
  }

  /** Posts now, or once the page is ready; resolves to whether it was posted (a newer message of its type replaces it). */
  post(message: Out): Promise<boolean> {
    if (this.isDisposed) return Promise.resolve(false);
    if (this.ready) return Promise.resolve(this.panel.webview.postMessage(message));
    return new Promise((delivered) => {
      const type: Out['type'] = message.type;
      this.queue.get(type)?.delivered(false);
      this.queue.delete(type);
      this.queue.set(type, { message, delivered });
    });
  }

  private onReady() {
    this.ready = true;
    const queued = [...this.queue.values()];
    this.queue.clear();
    for (const q of queued) this.panel.webview.postMessage(q.message).then(q.delivered, () => q.delivered(false));
    if (queued.length === 0) this.resend();
  }

  override dispose() {
    for (const q of this.queue.values()) q.delivered(false);
    this.queue.clear();
    super.dispose();
    if (!this.gone) {
      this.gone = true;
      this.panel.dispose();
    }
  }
}
