/**
 * Text made safe to place in HTML or SVG, in element content and in quoted attribute values:
 * `&`, `<`, `>`, `"` and `'` become character references (OWASP XSS Prevention Cheat Sheet,
 * rule 1). Names in reports come from users' files, so every piece of data passes through here.
 *
 * @param value - any value; `null` and `undefined` give an empty string
 * @returns the escaped text
 * @throws never
 * @example
 * ```ts
 * escapeHtml('<img src=x onerror=alert(1)>'); // '&lt;img src=x onerror=alert(1)&gt;'
 * ```
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
