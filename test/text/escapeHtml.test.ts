import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../core/text/escapeHtml.ts';

describe('escapeHtml', () => {
  it('escapes what could open a tag, an entity or end a double-quoted attribute, and nothing else', () => {
    expect(escapeHtml('<a href="x">&amp;</a> 政策\'s')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt; 政策's");
  });
});
