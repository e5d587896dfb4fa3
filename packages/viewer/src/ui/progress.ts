/** The progress panel's elements. */
export interface ProgressElements {
  readonly progress: HTMLElement;
  readonly progressLabel: HTMLElement;
  readonly progressBar: HTMLProgressElement;
}

/**
 * Shows the progress panel with a label and the fraction done.
 *
 * @param ui - the panel's elements
 * @param label - what is being done
 * @param fraction - 0…1 (clamped)
 * @example
 * ```ts
 * showProgress(ui, 'Reading the incidents', 0.2);
 * ```
 */
export function showProgress(ui: ProgressElements, label: string, fraction: number): void {
  ui.progress.hidden = false;
  ui.progressLabel.textContent = label;
  ui.progressBar.value = Math.max(0, Math.min(1, fraction));
}

/**
 * Hides the progress panel.
 *
 * @example
 * ```ts
 * hideProgress(ui);
 * ```
 */
export function hideProgress(ui: ProgressElements): void {
  ui.progress.hidden = true;
}
