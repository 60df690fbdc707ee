import { copyText } from '../../../../services/clipboard';
import { call } from '../../../../services/rpc';
import {
  bindingCodeView,
  employeeNoProblem,
  type BindingCodeView,
} from '../../../../view-models/binding-code';

Component({
  data: {
    employeeNo: '',
    formError: '',
    issuing: false,
    issued: null as BindingCodeView | null,
    copyError: '',
  },
  methods: {
    /** Opened from a board row (未绑定小程序): the employee's number is filled in. */
    onLoad(query: { employeeNo?: string }) {
      if (!query.employeeNo) return;
      let employeeNo = query.employeeNo;
      try {
        employeeNo = decodeURIComponent(employeeNo);
      } catch {
        // Not encoded: taken as it is; the number is checked before the code is issued.
      }
      this.setData({ employeeNo });
    },
    onEmployeeNo(event: { detail: { value: string } }) {
      this.setData({ employeeNo: event.detail.value, formError: '' });
    },
    async onIssue() {
      if (this.data.issuing) return;
      const problem = employeeNoProblem(this.data.employeeNo);
      if (problem) return this.setData({ formError: problem });
      const employeeNo = this.data.employeeNo.trim();
      this.setData({ issuing: true, formError: '', issued: null, copyError: '' });
      const reply = await call('admin.bindingCode', { employeeNo });
      if (!reply.ok) return this.setData({ issuing: false, formError: reply.error.message });
      this.setData({ issuing: false, issued: bindingCodeView(employeeNo, reply.data) });
    },
    async onCopy() {
      const issued = this.data.issued;
      if (!issued) return;
      // Copied grouped, as shown: the employee pastes it as is, and `me.bind` accepts hyphens.
      this.setData({ copyError: '' });
      const copied = await copyText(issued.display);
      // Shown on the page, not as a toast: the message may say whom to ask, too long for one.
      if (!copied.ok) this.setData({ copyError: copied.message });
    },
  },
});
