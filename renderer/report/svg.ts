/**
 * SVG building without markup strings, like `el()` for HTML: text always goes through
 * `textContent`, so a zone called `<script>` is drawn as those characters.
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';

type SvgAttrs = Record<string, string | number | null | undefined | false>;

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: SvgAttrs = {}, ...children: (Node | string | null | undefined | false)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A number for an SVG attribute: 0.1 px is far below what print shows, and keeps files small. */
export function r1(v: number): number {
  return Math.round(v * 10) / 10;
}
