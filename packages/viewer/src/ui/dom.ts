/** Properties of an element made by {@link h}. */
export interface ElementProps {
  readonly className?: string;
  /** Attributes, set with setAttribute (never `on*` handlers: those are rejected). */
  readonly attrs?: Readonly<Record<string, string>>;
}

/**
 * Creates an element whose children are nodes or text. Strings become text nodes, so text from
 * data files is never parsed as HTML (`<img src=x onerror=…>` shows literally); the viewer has
 * no other way of putting text into the page.
 *
 * @param tag - the element name
 * @param props - class and attributes
 * @param children - nodes, strings (as text), or null/undefined/false (skipped)
 * @returns the element
 * @throws Error for an `on…` attribute, which would run code
 * @example
 * ```ts
 * h('p', { className: 'name' }, 'Name: ', organization.name);
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`h: refusing the event-handler attribute ${name}`);
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/**
 * Replaces the content of `container` with `children`, keeping keyboard focus on the element
 * with the same `data-key` if the focused element was inside (re-rendering a panel must not
 * throw a keyboard user back to the top of the page).
 *
 * @example
 * ```ts
 * replaceContent(panel, h('ul', {}, ...items));
 * ```
 */
export function replaceContent(container: HTMLElement, ...children: Node[]): void {
  const active = document.activeElement;
  const key =
    active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...children);
  if (key === undefined) return;
  for (const candidate of container.querySelectorAll<HTMLElement>('[data-key]')) {
    if (candidate.dataset.key === key) {
      candidate.focus();
      break;
    }
  }
}

/**
 * Sets a node's text, as text (never HTML), only when it differs: an unchanged text then costs
 * the browser no layout or paint, which matters for panels updated in place as the map repaints.
 *
 * @example
 * ```ts
 * updateText(output, `${share} %`);
 * ```
 */
export function updateText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Sets an attribute only when its value differs (see {@link updateText}).
 *
 * @throws Error for an `on…` attribute, which would run code (as {@link h})
 * @example
 * ```ts
 * updateAttribute(button, 'aria-pressed', String(selected));
 * ```
 */
export function updateAttribute(element: Element, name: string, value: string): void {
  if (/^on/i.test(name))
    throw new Error(`updateAttribute: refusing the event-handler attribute ${name}`);
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
