/**
 * The built-in components a page's WXML uses that j-component renders as empty custom elements
 * (`<wx-input>`, `<wx-textarea>`, `<wx-canvas>`, `<wx-image>`): registered here with their
 * documented properties and events, each drawing the real HTML control inside its element.
 */
type Caller = {
  data: Record<string, unknown>;
  _exparserNode: { $$: HTMLElement & { __wxElement?: unknown } };
  triggerEvent(name: string, detail: unknown): void;
};
interface Definition {
  id: string;
  tagName: string;
  template: string;
  properties: Record<string, { type: unknown; value?: unknown; observer?: string }>;
  methods?: Record<string, (this: Caller, ...args: never[]) => unknown>;
  lifetimes: { attached(this: Caller): void };
}

const controls = new WeakMap<object, HTMLInputElement | HTMLTextAreaElement>();

/** Events from the inner element reach the component's handlers (exparser finds the owner). */
function adopt(host: Caller['_exparserNode']['$$'], inner: HTMLElement): void {
  (inner as unknown as { __wxElement?: unknown }).__wxElement = host.__wxElement;
  host.append(inner);
}

function field(kind: 'input' | 'textarea'): Definition {
  const sync = function (this: Caller) {
    const control = controls.get(this);
    if (!control) return;
    const d = this.data;
    const value = d.value === undefined || d.value === null ? '' : String(d.value);
    if (control.value !== value) control.value = value;
    control.placeholder = String(d.placeholder ?? '');
    control.disabled = Boolean(d.disabled);
    const max = Number(d.maxlength);
    if (Number.isFinite(max) && max > 0) control.maxLength = max;
    else control.removeAttribute('maxlength');
    if (control instanceof HTMLInputElement) {
      control.type = d.password
        ? 'password'
        : d.type === 'number' || d.type === 'digit'
          ? 'text'
          : 'text';
      control.inputMode = d.type === 'number' ? 'numeric' : d.type === 'digit' ? 'decimal' : 'text';
    }
  };
  return {
    id: `wx-${kind}`,
    tagName: `wx-${kind}`,
    template: '<slot></slot>',
    properties: {
      value: { type: String, value: '', observer: 'sync' },
      placeholder: { type: String, value: '', observer: 'sync' },
      disabled: { type: Boolean, value: false, observer: 'sync' },
      maxlength: { type: Number, value: 140, observer: 'sync' },
      type: { type: String, value: 'text', observer: 'sync' },
      password: { type: Boolean, value: false, observer: 'sync' },
      focus: { type: Boolean, value: false },
      autoHeight: { type: Boolean, value: false },
      confirmType: { type: String, value: 'done' },
    },
    methods: { sync },
    lifetimes: {
      attached() {
        const host = this._exparserNode.$$;
        if (!host || controls.has(this)) return;
        const control = document.createElement(kind);
        control.className = `wx-native-${kind}`;
        controls.set(this, control);
        sync.call(this);
        const cursor = () => control.selectionStart ?? control.value.length;
        control.addEventListener('input', () => {
          this.data.value = control.value;
          this.triggerEvent('input', { value: control.value, cursor: cursor(), keyCode: 0 });
        });
        control.addEventListener('focus', () =>
          this.triggerEvent('focus', { value: control.value, height: 0 }),
        );
        control.addEventListener('blur', () =>
          this.triggerEvent('blur', { value: control.value, cursor: cursor() }),
        );
        control.addEventListener('keydown', (e) => {
          if ((e as KeyboardEvent).key === 'Enter' && kind === 'input')
            this.triggerEvent('confirm', { value: control.value });
        });
        adopt(host, control);
        if (this.data.focus) control.focus();
      },
    },
  };
}

const canvas: Definition = {
  id: 'wx-canvas',
  tagName: 'wx-canvas',
  template: '<slot></slot>',
  properties: {
    type: { type: String, value: '' },
    canvasId: { type: String, value: '' },
    disableScroll: { type: Boolean, value: false },
  },
  lifetimes: {
    attached() {
      const host = this._exparserNode.$$;
      if (!host || host.querySelector('canvas')) return;
      const node = document.createElement('canvas');
      node.className = 'wx-native-canvas';
      adopt(host, node);
    },
  },
};

const image: Definition = {
  id: 'wx-image',
  tagName: 'wx-image',
  template: '<slot></slot>',
  properties: {
    src: { type: String, value: '', observer: 'sync' },
    mode: { type: String, value: 'scaleToFill', observer: 'sync' },
  },
  methods: {
    sync(this: Caller) {
      const img = this._exparserNode.$$?.querySelector('img');
      if (!img) return;
      img.src = String(this.data.src ?? '');
      const mode = String(this.data.mode);
      img.style.objectFit =
        mode === 'aspectFit' ? 'contain' : mode === 'aspectFill' ? 'cover' : 'fill';
    },
  },
  lifetimes: {
    attached() {
      const host = this._exparserNode.$$;
      if (!host || host.querySelector('img')) return;
      const img = document.createElement('img');
      img.className = 'wx-native-image';
      adopt(host, img);
      (this as unknown as { sync(): void }).sync();
    },
  },
};

/** WXML tag → the id registered here. */
export const NATIVE_TAGS: Readonly<Record<string, string>> = {
  input: 'wx-input',
  textarea: 'wx-textarea',
  canvas: 'wx-canvas',
  image: 'wx-image',
};

export function registerNativeComponents(register: (definition: Definition) => string): void {
  for (const definition of [field('input'), field('textarea'), canvas, image]) register(definition);
}
