/**
 * Escapes text for an HTML (or XML) context: element content and quoted attribute values.
 * Only for the few places where an HTML string cannot be avoided: Chromium's PDF header and
 * footer templates, and KML descriptions, which Google Earth renders as HTML. The renderer
 * never needs it (it builds DOM nodes with textContent).
 *
 * @example
 * escapeHtml('<script>alert("x")</script> & Лепосавић');
 * // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Лепосавић'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};
