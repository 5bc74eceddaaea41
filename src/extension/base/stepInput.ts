import * as vscode from 'vscode';

/**
 * Several questions in one quick input, with "1/3" in its title and a Back button. One widget
 * stays open from the first question to the last: asking with showInputBox and then
 * showQuickPick closes the widget in between, VS Code gives the focus back to whatever had it
 * (a walkthrough button, an editor) and that late focus closes the next question.
 */
export class StepInput implements vscode.Disposable {
  private current: vscode.QuickInput | undefined;

  constructor(
    private readonly title: string,
    private readonly totalSteps: number,
  ) {}

  /** A text answer; undefined when the learner closes the input, 'back' for the Back button. */
  text(step: number, options: { title: string; prompt: string; value: string; validate: (value: string) => string | undefined }): Promise<string | 'back' | undefined> {
    const box = vscode.window.createInputBox();
    box.prompt = options.prompt;
    box.value = options.value;
    return this.ask(box, step, options.title, (resolve) => [
      box.onDidChangeValue((v) => (box.validationMessage = options.validate(v))),
      box.onDidAccept(() => {
        const problem = options.validate(box.value);
        box.validationMessage = problem;
        if (!problem) resolve(box.value);
      }),
    ]);
  }

  /** Ticked items (Enter keeps the ticked ones); undefined when closed, 'back' for Back. */
  pickMany<T extends vscode.QuickPickItem>(step: number, options: { title: string; placeholder: string; items: readonly T[] }): Promise<readonly T[] | 'back' | undefined> {
    const pick = vscode.window.createQuickPick<T>();
    pick.canSelectMany = true;
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    pick.selectedItems = options.items.filter((i) => i.picked);
    return this.ask(pick, step, options.title, (resolve) => [pick.onDidAccept(() => resolve(pick.selectedItems))]);
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }

  private ask<R>(input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>, step: number, title: string, listen: (resolve: (r: R) => void) => vscode.Disposable[]): Promise<R | 'back' | undefined> {
    input.title = `${this.title}: ${title}`;
    input.step = step;
    input.totalSteps = this.totalSteps;
    input.buttons = step > 1 ? [vscode.QuickInputButtons.Back] : [];
    // Leaving the window to look something up must not throw the answers away.
    input.ignoreFocusOut = true;
    return new Promise<R | 'back' | undefined>((resolve) => {
      let settled = false;
      const settle = (r: R | 'back' | undefined) => {
        if (settled) return;
        settled = true;
        listeners.forEach((l) => l.dispose());
        resolve(r);
      };
      const listeners = [
        ...listen(settle),
        input.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && settle('back')),
        input.onDidHide(() => settle(undefined)),
      ];
      // The next question replaces the last in the same tick, so the widget never closes between them.
      this.current?.dispose();
      this.current = input;
      input.show();
    });
  }
}
