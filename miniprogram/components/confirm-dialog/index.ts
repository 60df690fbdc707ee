/**
 * A confirmation over the page for a step that cannot be undone: a title, the facts to check
 * and, when given, a text to read once more. The confirm button's tap emits `confirm` inside
 * the same tap, so a page may still ask for subscriptions there (WeChat allows it only in a tap).
 */
Component({
  properties: {
    visible: { type: Boolean, value: false },
    title: { type: String, value: '' },
    lines: { type: Array, value: [] as string[] },
    /** A document to read again before confirming (the letter); '' for none. */
    document: { type: String, value: '' },
    warning: { type: String, value: '' },
    confirmText: { type: String, value: '确认' },
    cancelText: { type: String, value: '返回' },
    busy: { type: Boolean, value: false },
  },
  methods: {
    onConfirm() {
      if (!this.data.busy) this.triggerEvent('confirm');
    },
    onCancel() {
      this.triggerEvent('cancel');
    },
  },
});
