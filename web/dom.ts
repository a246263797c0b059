/**
 * Builds elements with DOM calls only: text always goes in as text nodes, never parsed as HTML, so nothing
 * pasted into the page can become markup.
 */

export type Child = Node | string | null | undefined | false;

/** `<tag attr=…>children</tag>`; `null`/`false` children are skipped. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Removes every child of `parent`. */
export function clear(parent: Node): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
}
