import type { NextStep } from '../../view-models/case-summary';

/**
 * The one thing the employee does next, with its due day and the days left or overdue; with
 * nothing to do, whom the case waits for and since when. A tap on the button emits `act`.
 */
Component({
  properties: {
    next: { type: Object, value: null as NextStep | null },
  },
  methods: {
    onAct() {
      this.triggerEvent('act');
    },
  },
});
