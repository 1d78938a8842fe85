/** A small element builder: attributes, `on<event>` listeners, and children (strings become text). */
export type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A labelled text input with its hint and error, ids tied together for assistive technology. */
export function textField(options: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  onInput: (value: string) => void;
}): HTMLElement {
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const errorId = options.error ? `${options.id}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: options.id }, options.label),
    h('input', {
      id: options.id,
      name: options.id,
      type: options.type ?? 'text',
      value: options.value,
      required: options.required,
      autocomplete: options.autocomplete ?? 'off',
      spellcheck: 'false',
      'aria-describedby': described,
      'aria-invalid': options.error ? 'true' : undefined,
      onInput: (event: Event) => options.onInput((event.target as HTMLInputElement).value),
    }),
    options.hint ? h('span', { class: 'hint', id: hintId }, options.hint) : null,
    options.error ? h('span', { class: 'error', id: errorId }, options.error) : null,
  );
}
