/**
 * Saves `data` as a file named `name` through the browser's download (an object URL on a
 * temporary link, revoked afterwards): nothing leaves the computer.
 *
 * @param name - the file name offered
 * @param data - the content
 * @example
 * ```ts
 * downloadFile('zones.csv', new Blob([csv], { type: 'text/csv' }));
 * ```
 */
export function downloadFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the data once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
