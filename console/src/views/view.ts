/** A screen of the console: it keeps its own state and draws itself from it. */
export interface View {
  readonly route: string;
  /** Draws the whole screen from the view's state. */
  render(): HTMLElement;
  /** Called when the screen is opened (e.g. to load what it shows). */
  onShow?(): void;
}

/** Asks the console to draw the current screen again (after the state changed). */
export type Refresh = () => void;
