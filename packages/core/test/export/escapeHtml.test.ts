import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/export/escapeHtml.js';

describe('escapeHtml', () => {
  it('replaces the five characters that can open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('shows a malicious organization name literally', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('writes numbers as text and null or undefined as nothing', () => {
    expect(escapeHtml(4.5)).toBe('4.5');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
  });
});
