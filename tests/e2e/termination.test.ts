/**
 * HR dismisses for incompetence (《劳动合同法》第四十条第二项) through the web preview: a draft,
 * its supporting documents picked with the file chooser (a second appraisal after the training,
 * the union's notice), the 第四十二条 attestation, issue; the case waits for delivery.
 */
import { PDF_BYTES } from '../../tools/demo/demo-company';
import { phoneSession, type Phone } from './harness';

const HR = 'demo-h001';

describe('termination through the web preview', () => {
  const session = phoneSession('termination');
  let phone: Phone;
  beforeAll(() => {
    phone = session.phone;
  });

  async function attach(kind: string, name: string): Promise<void> {
    const chooser = phone.page.waitForEvent('filechooser');
    await phone.tapId(`attach-${kind}`);
    await (
      await chooser
    ).setFiles({
      name,
      mimeType: 'application/pdf',
      // Each document its own content: the same file twice is one attachment.
      buffer: Buffer.from(PDF_BYTES.toString('latin1').replace('\n', `\n%${kind}\n`), 'latin1'),
    });
    await phone.page.waitForFunction(
      (k) => !document.querySelector(`.page-frame:not([hidden]) [data-wx-id="attach-${k}"]`),
      kind,
    );
  }

  it('drafts a termination, attaches its grounds and issues it', async () => {
    await phone.as(HR);
    await phone.page.locator('#phone-tab-bar').getByText('办理').click();
    await phone.waitForRoute('pages/cases/index');
    await phone.tapText('发起解除');
    await phone.waitForRoute('packages/admin/pages/terminate/index');
    await phone.typeInto('employee-no', 'D009');
    // HR sees whom the 工号 names before drafting against it.
    await phone.waitForText('周婷 ·');
    await phone.tapId('mode-notice30');
    await phone.typeInto('explanation', '连续两个季度考核不合格，经培训后仍不能胜任');
    await phone.shot('termination-form');
    await phone.tapId('create');
    await phone.waitForText('通知尚未发出，员工看不到此案件。');
    await phone.shot('termination-draft');

    await attach('appraisal_record', '考核记录.pdf');
    await attach('training_certificate', '培训证明.pdf');
    // 第40条(二) 仍不能胜任: appraised again after the training.
    await attach('second_appraisal', '再次考核记录.pdf');
    // 第43条: the company union told today, its record uploaded.
    await phone.tapId('union-company_union');
    await attach('union_notice', '通知工会.pdf');
    await phone.tapId('attest');
    await phone.shot('termination-ready');
    await phone.tapId('issue');
    // The summary first: it cannot be taken back once sent.
    await phone.waitForText('确认发出解除通知');
    await phone.waitForText('发出后不可撤回');
    await phone.shot('termination-confirm');
    await phone.tapId('dialog-confirm');
    await phone.waitForText('解除通知已发出');
    await phone.waitForText('送达后30日');
    await phone.shot('termination-issued');

    // 民法典 第137条: in effect once delivered; until the employee opens it, 待送达.
    await phone.tapId('view-case');
    await phone.waitForRoute('packages/case/pages/detail/index');
    await phone.waitForText('待送达');
    await phone.shot('termination-case');
    expect(await phone.screen.innerText()).toContain('周婷');
    expect(phone.errors).toEqual([]);
  }, 180_000);
});
