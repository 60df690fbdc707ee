import { copyText } from '../../../../services/clipboard';
import { scheduleLookup } from '../../../../services/employee-lookup';
import { call } from '../../../../services/rpc';
import {
  BINDING_CODE_WARNING,
  bindingCodeSummary,
  bindingCodeView,
  employeeNoProblem,
  type BindingCodeView,
} from '../../../../view-models/binding-code';

Component({
  data: {
    employeeNo: '',
    /** Whom the 工号 names (`张三 · 研发部`), or why it names no one, as HR types it. */
    employeeFound: '',
    employeeProblem: '',
    formError: '',
    issuing: false,
    issued: null as BindingCodeView | null,
    copyError: '',
    /** A new code voids the old one: HR reads whom it is for before it is made. */
    confirming: false,
    confirmLines: [] as string[],
    confirmWarning: BINDING_CODE_WARNING,
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
      this.setEmployeeNo(employeeNo);
    },
    onEmployeeNo(event: { detail: { value: string } }) {
      this.setEmployeeNo(event.detail.value);
    },
    setEmployeeNo(employeeNo: string) {
      this.setData({ employeeNo, formError: '', employeeFound: '', employeeProblem: '' });
      scheduleLookup(
        this,
        employeeNo,
        () => this.data.employeeNo,
        (shown) => this.setData({ employeeFound: shown.found, employeeProblem: shown.problem }),
      );
    },
    /** Checks the number, then shows the summary: the new code voids any earlier one. */
    onIssue() {
      if (this.data.issuing) return;
      const problem = employeeNoProblem(this.data.employeeNo);
      if (problem) return this.setData({ formError: problem });
      const employeeNo = this.data.employeeNo.trim();
      this.setData({
        formError: '',
        confirming: true,
        confirmLines: bindingCodeSummary(employeeNo, this.data.employeeFound),
      });
    },
    onCancelIssue() {
      this.setData({ confirming: false });
    },
    async onConfirmIssue() {
      if (this.data.issuing) return;
      const employeeNo = this.data.employeeNo.trim();
      this.setData({ issuing: true, formError: '', issued: null, copyError: '' });
      const reply = await call('admin.bindingCode', { employeeNo });
      if (!reply.ok) {
        return this.setData({ issuing: false, confirming: false, formError: reply.error.message });
      }
      this.setData({
        issuing: false,
        confirming: false,
        issued: bindingCodeView(employeeNo, reply.data),
      });
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
