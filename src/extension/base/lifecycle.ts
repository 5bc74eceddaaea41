/** Anything that frees what it holds: VS Code's Disposable, or one of ours. */
export interface IDisposable {
  dispose(): unknown;
}

/**
 * The base of every object that owns listeners, emitters or editor objects: it registers them
 * as it makes them and frees them all, newest first, when it is disposed. Something registered
 * after that is freed at once, so a late async registration cannot leak.
 */
export abstract class Disposable implements IDisposable {
  private readonly owned: IDisposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends IDisposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // One failing dispose must not keep the others alive.
      }
    }
  }
}

