import type { ProgressView } from '../../view-models/case-progress';

/** The case's steps with the day each was reached; a returned case's comment in red below. */
Component({
  properties: {
    progress: { type: Object, value: null as ProgressView | null },
  },
});
