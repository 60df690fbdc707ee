import type { Course, Lesson, Question } from './training-courses';

/**
 * The courses that ship with the product (version 1 of each): what a stored course of the same
 * id replaces once HR saves it. Every rule they teach is the one the product enforces; each
 * explanation names its article.
 */

type Choice = readonly [text: string, correct: boolean];

const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

function choices(list: readonly Choice[]) {
  return list.map(([text, correct], i) => ({ optionId: OPTION_IDS[i] ?? `o${i}`, text, correct }));
}

function single(
  questionId: string,
  text: string,
  list: readonly Choice[],
  explanation: string,
): Question {
  return { questionId, kind: 'single', text, options: choices(list), explanation };
}

function multiple(
  questionId: string,
  text: string,
  list: readonly Choice[],
  explanation: string,
): Question {
  return { questionId, kind: 'multiple', text, options: choices(list), explanation };
}

function judge(questionId: string, text: string, isTrue: boolean, explanation: string): Question {
  return {
    questionId,
    kind: 'truefalse',
    text,
    options: [
      { optionId: 'true', text: '正确', correct: isTrue },
      { optionId: 'false', text: '错误', correct: !isTrue },
    ],
    explanation,
  };
}

function lesson(lessonId: string, title: string, ...paragraphs: string[]): Lesson {
  return { lessonId, title, blocks: paragraphs.map((text) => ({ kind: 'text', text })) };
}

const START: Course = {
  courseId: 'employee-start',
  title: '如何发起离职申请',
  audience: 'employee',
  order: 1,
  version: 1,
  lessons: [
    lesson(
      'notice',
      '辞职是通知，不是申请',
      '《劳动合同法》第37条：劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同；在试用期内提前三日通知即可。辞职是你的权利，公司不能拒绝，部门经理只能因材料不全退回补充。',
      '在小程序首页点「提交离职」，选择离职原因（辞职，或其他个人原因并写明 10–500 字的说明），确认后提交。提交的那一刻，服务器记录时间并保存通知全文的 SHA-256 摘要：这就是公司收到书面通知的凭证。',
      '最后工作日按收到通知的北京日期加 30 天（试用期内加 3 天）计算，收到当天不计入（《民法典》第201条）。想更早离开，可以与公司协商一个你同意的日期。',
    ),
    lesson(
      'after-submit',
      '提交之后',
      '提交后案件进入「待部门审批」。在部门经理处理前，你可以自己撤回（公司事先同意的撤回，会记录在案）。一旦通知已到达公司，撤回需要公司同意（《民法典》第141条）。',
      'HR 不能替你撤回辞职：只有你本人的书面请求附在案件上，HR 才能办理撤回。',
      '请开启订阅提醒：每一步需要你处理时，小程序会提醒你，逾期会有温馨提醒和严肃提醒。',
    ),
  ],
  questions: [
    single(
      'probation-days',
      '试用期内辞职，应提前几天通知公司？',
      [
        ['3 天', true],
        ['7 天', false],
        ['15 天', false],
        ['30 天', false],
      ],
      '《劳动合同法》第37条：劳动者在试用期内提前三日通知用人单位，可以解除劳动合同。',
    ),
    single(
      'regular-days',
      '转正后辞职，应提前多久以书面形式通知公司？',
      [
        ['30 天', true],
        ['3 天', false],
        ['60 天', false],
        ['无需提前', false],
      ],
      '《劳动合同法》第37条：劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同。',
    ),
    judge(
      'manager-refuse',
      '部门经理可以拒绝员工的辞职。',
      false,
      '辞职是通知而非申请（第37条）：经理不能拒绝，只能因材料不全退回补充。',
    ),
    judge(
      'hr-withdraw',
      'HR 可以替员工撤回辞职。',
      false,
      '撤回是员工本人的意思：HR 只能凭员工的书面撤回请求办理，从不单方撤回（《民法典》第141条）。',
    ),
    single(
      'day-not-counted',
      '5 月 1 日公司收到转正员工的辞职通知，默认最后工作日是哪天？',
      [
        ['5 月 31 日', true],
        ['5 月 30 日', false],
        ['6 月 1 日', false],
        ['5 月 4 日', false],
      ],
      '收到通知当天不计入（《民法典》第201条），从 5 月 2 日起算 30 天，即 5 月 31 日。',
    ),
    single(
      'receipt-proof',
      '提交离职后，什么证明公司已收到你的书面通知？',
      [
        ['服务器时间和通知全文的 SHA-256 摘要', true],
        ['部门经理的口头答复', false],
        ['微信聊天截图', false],
        ['HR 的签字', false],
      ],
      '提交即是数据电文（《电子签名法》第4条）：服务器记录收到时间并对通知全文计算摘要，作为书面通知的凭证。',
    ),
    single(
      'personal-reason',
      '选择「其他个人原因」时还需要做什么？',
      [
        ['写明 10–500 字的说明', true],
        ['提供医院证明', false],
        ['经理先口头同意', false],
        ['什么都不用', false],
      ],
      '其他个人原因需要一段 10–500 字的说明，小程序会检查字数。',
    ),
    judge(
      'withdraw-before-review',
      '在部门经理处理之前，员工可以在小程序里自己撤回离职申请。',
      true,
      '公司默认事先同意经理审批前的撤回（设置 employeeMayWithdrawBeforeReview），撤回会记录在案。',
    ),
  ],
};

const HANDOVER: Course = {
  courseId: 'employee-handover',
  title: '如何上传工作交接清单',
  audience: 'employee',
  order: 2,
  version: 1,
  lessons: [
    lesson(
      'why',
      '为什么要交接清单',
      '《劳动合同法》第50条：劳动者应当按照双方约定办理工作交接。工作交接清单是经理审批的前提：没有清单，案件不能通过审批。',
      '清单写明你负责的工作、文件位置、账号与权限、未完成事项和接手人。',
    ),
    lesson(
      'upload',
      '上传步骤',
      '在案件详情点「上传交接清单」，可以从微信聊天选文件（PDF、Word、Excel），也可以拍照上传纸质清单。单个文件不超过 20 MB，一次最多 9 个。',
      '上传后服务器为每个文件计算 SHA-256 并另存证据副本：之后任何改动都能被发现。',
      '经理退回时，请按意见补充后点「重新提交」。',
    ),
  ],
  questions: [
    judge(
      'before-approval',
      '没有上传工作交接清单，部门经理也可以通过审批。',
      false,
      '交接清单是审批的前提条件（第50条：劳动者应当办理工作交接）。',
    ),
    multiple(
      'formats',
      '以下哪些方式可以上传交接清单？',
      [
        ['从微信聊天选择 PDF 或 Word 文件', true],
        ['拍照上传纸质清单', true],
        ['口头告诉经理', false],
        ['发到个人邮箱', false],
      ],
      '小程序支持聊天文件（chooseMessageFile）和照片（chooseMedia）两种方式。',
    ),
    single(
      'size',
      '单个交接文件的大小上限是多少？',
      [
        ['20 MB', true],
        ['2 MB', false],
        ['200 KB', false],
        ['没有上限', false],
      ],
      '文档（图片、PDF、Office）每个不超过 20 MB；签名图片不超过 200 KB。',
    ),
    multiple(
      'contents',
      '一份好的交接清单应包含哪些内容？',
      [
        ['负责的工作与未完成事项', true],
        ['文件位置与账号权限', true],
        ['接手人', true],
        ['对公司的意见', false],
      ],
      '清单的目的是让接手人能继续工作：事项、资料、权限和接手人缺一不可。',
    ),
    single(
      'returned',
      '经理以「材料不全」退回后，你应该怎么做？',
      [
        ['按意见补充材料后点「重新提交」', true],
        ['重新发起一个新的离职', false],
        ['等待 HR 处理', false],
        ['无需处理，30 天后自动离职', false],
      ],
      '退回只是要求补充：补充后重新提交，收到通知的时间和最后工作日不变。',
    ),
    judge(
      'notice-kept',
      '被退回补充后重新提交，收到通知的时间和默认最后工作日会重新计算。',
      false,
      '通知在第一次提交时已经到达公司，收到时间和法定最后工作日固定不变。',
    ),
    judge(
      'hash',
      '上传的交接清单会计算 SHA-256 摘要并另存证据副本。',
      true,
      '摘要与证据副本让事后的任何改动都能被发现。',
    ),
    single(
      'reminders',
      '一直没有上传交接清单会怎样？',
      [
        ['每天收到提醒，第 3 天温馨提醒，第 7 天起严肃提醒并通知 HR', true],
        ['案件自动撤回', false],
        ['什么也不会发生', false],
        ['立即扣工资', false],
      ],
      '提醒策略：第 1、2、4、5、6 天日常提醒，第 3 天温馨提醒，第 7 天起严肃提醒，同时预警 HR。',
    ),
  ],
};

const SIGN: Course = {
  courseId: 'employee-sign',
  title: '如何签署电子辞职书（签名证明了什么）',
  audience: 'employee',
  order: 3,
  version: 1,
  lessons: [
    lesson(
      'how',
      '签署步骤',
      'HR确认后案件进入「手续办理」，请在 3 天内签署《辞职书》：打开签署页，阅读全文，勾选同意以电子签名方式签署（《电子签名法》第3条），在签名板上手写签名并提交。',
      '签署后页面显示辞职书的摘要和审计链的链头：保存截图，日后可用来核对。',
    ),
    lesson(
      'meaning',
      '签名证明了什么',
      '《电子签名法》第13条：可靠的电子签名须专属于签名人、仅由签名人控制、签署后对签名和内容的改动都能被发现；满足这些条件，第14条赋予它与手写签名同等的效力。',
      '因此签名与你的微信身份（OPENID）绑定，服务器记录签署时间、辞职书全文和签名图片的摘要，并写入防篡改的审计链。',
      '签名证明的是你签署了这份文本，不会改变法定的离职日期：即使没有签署，劳动合同也在最后工作日解除（第37条）。',
    ),
  ],
  questions: [
    single(
      'deadline',
      '进入「手续办理」后，应在几天内签署《辞职书》？',
      [
        ['3 天', true],
        ['1 天', false],
        ['15 天', false],
        ['30 天', false],
      ],
      '签署辞职书的期限是手续办理开始后 3 天，逾期会收到提醒。',
    ),
    judge(
      'consent',
      '签署前需要明确同意以电子签名方式签署。',
      true,
      '《电子签名法》第3条：当事人约定使用电子签名的文书，不得仅因其采用电子签名形式而否定其效力。',
    ),
    multiple(
      'reliable',
      '可靠的电子签名需要满足哪些条件？',
      [
        ['专属于签名人', true],
        ['签署时仅由签名人控制', true],
        ['签署后对签名和内容的改动能够被发现', true],
        ['必须由公司盖章', false],
      ],
      '《电子签名法》第13条列出了可靠电子签名的条件。',
    ),
    judge(
      'same-force',
      '可靠的电子签名与手写签名具有同等的法律效力。',
      true,
      '《电子签名法》第14条：可靠的电子签名与手写签名或者盖章具有同等的法律效力。',
    ),
    single(
      'bound-to',
      '小程序用什么确认签名的是你本人？',
      [
        ['你绑定的微信身份（OPENID）', true],
        ['签名图片的颜色', false],
        ['手机型号', false],
        ['HR 的确认', false],
      ],
      '身份只来自微信提供的 OPENID，绑定到你的员工记录。',
    ),
    multiple(
      'recorded',
      '签署时服务器会记录哪些内容？',
      [
        ['辞职书全文的摘要', true],
        ['签名图片的摘要', true],
        ['服务器时间', true],
        ['你的聊天记录', false],
      ],
      '文本摘要、签名摘要、服务器时间和审计链共同构成证据。',
    ),
    judge(
      'no-sign-no-end',
      '员工不签署《辞职书》，劳动合同就不能解除。',
      false,
      '辞职通知在提交时已到达公司，合同在最后工作日解除，与是否签署无关（第37条）。',
    ),
    single(
      'after-sign',
      '签署成功后页面显示的摘要和链头有什么用？',
      [
        ['日后核对签署内容没有被改动', true],
        ['用来登录', false],
        ['用来领取工资', false],
        ['没有用处', false],
      ],
      '摘要和审计链链头可用来核对签署内容与记录是否被改动。',
    ),
  ],
};

const RIGHTS: Course = {
  courseId: 'employee-rights',
  title: '你的权利与期限（第37条、第38条、第50条：离职证明、社保与档案转移）',
  audience: 'employee',
  order: 4,
  version: 1,
  lessons: [
    lesson(
      'notice-rights',
      '第37条与第38条',
      '第37条：提前三十日书面通知（试用期三日）即可解除，无需公司批准。',
      '第38条：公司未及时足额支付劳动报酬、未依法缴纳社会保险费、未提供劳动保护或劳动条件、规章制度违法损害你的权益等，你可以书面通知立即解除，不受 30 天限制，并可主张经济补偿（第46条）。以暴力、威胁或非法限制人身自由强迫劳动，或违章指挥、强令冒险作业危及人身安全的，可以立即解除，无需事先告知。',
    ),
    lesson(
      'after-leaving',
      '第50条：离开时公司要做的事',
      '公司应在解除劳动合同时出具离职证明，并在十五日内为你办理档案和社会保险关系转移手续（第50条）。',
      '离职证明写明劳动合同期限、解除日期、工作岗位和在本单位的工作年限（实施条例第24条）；离职原因只在你要求时写明，不写负面评价。',
      '工资在解除合同时一次付清（《工资支付暂行规定》第9条）。这些是公司的法定义务，不能被豁免。',
    ),
  ],
  questions: [
    single(
      'transfer-days',
      '公司应在解除劳动合同后多少日内办理档案和社保关系转移？',
      [
        ['15 日', true],
        ['30 日', false],
        ['7 日', false],
        ['60 日', false],
      ],
      '《劳动合同法》第50条：用人单位应当在解除或者终止劳动合同时出具证明，并在十五日内为劳动者办理档案和社会保险关系转移手续。',
    ),
    single(
      'certificate-when',
      '离职证明应在什么时候出具？',
      [
        ['解除或终止劳动合同时', true],
        ['离职后一个月内', false],
        ['员工签署辞职书后', false],
        ['公司方便时', false],
      ],
      '第50条：用人单位应当在解除或者终止劳动合同时出具解除或者终止劳动合同的证明。',
    ),
    multiple(
      'certificate-content',
      '离职证明应当写明哪些内容？',
      [
        ['劳动合同期限', true],
        ['解除或终止的日期', true],
        ['工作岗位和在本单位的工作年限', true],
        ['对员工表现的负面评价', false],
      ],
      '《劳动合同法实施条例》第24条规定了离职证明的内容，不写负面评价。',
    ),
    judge(
      'reason-on-request',
      '离职证明中的离职原因只在员工要求时写明。',
      true,
      '离职原因影响失业保险待遇（《失业保险条例》第14、16条），按员工要求写明。',
    ),
    single(
      'unpaid-wages',
      '公司长期不足额支付工资，员工可以怎样解除劳动合同？',
      [
        ['书面通知公司立即解除，并可主张经济补偿', true],
        ['必须提前 30 天通知', false],
        ['只能等合同到期', false],
        ['需要 HR 批准', false],
      ],
      '第38条：用人单位未及时足额支付劳动报酬的，劳动者可以解除劳动合同；第46条：用人单位应当支付经济补偿。',
    ),
    judge(
      'forced-labour',
      '公司以暴力、威胁强迫劳动的，员工可以立即解除劳动合同，不需要事先告知公司。',
      true,
      '第38条第二款：劳动者可以立即解除劳动合同，不需事先告知用人单位。',
    ),
    single(
      'final-pay',
      '离职时最后一笔工资应当怎样支付？',
      [
        ['解除合同时一次付清', true],
        ['下个发薪日再说', false],
        ['分三个月支付', false],
        ['签署辞职书后才付', false],
      ],
      '《工资支付暂行规定》第9条：劳动关系双方依法解除或终止劳动合同时，用人单位应在解除或终止劳动合同时一次付清劳动者工资。',
    ),
    judge(
      'duty-waived',
      'HR 可以豁免「出具离职证明」和「社保停缴转移」这两项。',
      false,
      '这是公司的法定义务（第50条），只能办理完成并备注，从不豁免。',
    ),
  ],
};

const MANAGER: Course = {
  courseId: 'manager-review',
  title: '审批与交接确认',
  audience: 'manager',
  order: 1,
  version: 1,
  lessons: [
    lesson(
      'review',
      '审批：通过或退回',
      '员工提交离职后，直属经理在「办理」页看到待审批的案件。辞职是通知（第37条），你不能拒绝，只能在交接清单已上传时「通过」，或在材料不全时「退回」并写明要补充什么。',
      '超过 2 天未处理会每天提醒你；超过 3 天 HR 可以接手（HR 升级），第 4 天 HR 会收到预警。',
    ),
    lesson(
      'handover',
      '确认交接',
      '在「手续办理」阶段，请在最后工作日前核对交接并勾选「交接确认」，资产（工卡、电脑等）归还后勾选对应项；资产遗失可以豁免但必须写明原因。',
    ),
  ],
  questions: [
    judge(
      'refuse',
      '部门经理可以因为工作忙不批准员工辞职。',
      false,
      '辞职是劳动者的权利（第37条）：经理只能因材料不全退回，不能拒绝。',
    ),
    single(
      'approve-when',
      '什么情况下可以「通过」离职审批？',
      [
        ['员工已上传工作交接清单且离职原因要求已满足', true],
        ['员工当面说明理由后', false],
        ['HR 口头同意后', false],
        ['任何时候都行', false],
      ],
      '审批的前提：交接清单已上传，离职原因要求（如其他个人原因的说明）已满足。',
    ),
    single(
      'return-needs',
      '退回员工的离职需要什么？',
      [
        ['写明需要补充的内容', true],
        ['HR 同意', false],
        ['员工签字', false],
        ['什么都不用', false],
      ],
      '退回必须写意见，告诉员工补充什么。',
    ),
    single(
      'escalate',
      '经理超过几天未处理，HR 可以接手审批？',
      [
        ['3 天', true],
        ['1 天', false],
        ['7 天', false],
        ['30 天', false],
      ],
      '经理等待超过 3 天，HR 可以升级接手（可在设置中调整）。',
    ),
    judge(
      'no-manager',
      '没有直属经理的员工，由 HR 审批其离职。',
      true,
      '员工记录没有经理时，审批由 HR 完成。',
    ),
    single(
      'handover-due',
      '「交接确认」应在什么时候之前完成？',
      [
        ['最后工作日', true],
        ['提交后 3 天', false],
        ['离职后 15 天', false],
        ['没有期限', false],
      ],
      '交接确认的期限是员工的最后工作日。',
    ),
    single(
      'lost-badge',
      '员工遗失了工卡，资产项怎么处理？',
      [
        ['豁免并写明原因', true],
        ['一直不勾选', false],
        ['扣发最后一笔工资', false],
        ['勾选完成不写备注', false],
      ],
      '资产项可以豁免，但必须写明原因，豁免在证据中可见。',
    ),
    judge(
      'reminded',
      '经理长时间未审批会收到提醒，第 4 天 HR 会收到预警。',
      true,
      '提醒策略：交接清单上传后等待超过 2 天每日提醒经理，第 4 天预警 HR。',
    ),
  ],
};

const HR: Course = {
  courseId: 'hr-operations',
  title: 'HR 办理：进度与预警、拖延与电话联系、证据与仲裁、用数据改进',
  audience: 'hr',
  order: 1,
  version: 1,
  lessons: [
    lesson(
      'progress',
      '查看进度与预警',
      '「办理」页的看板按阶段列出所有案件，标出逾期和「需电话联系」的员工。员工的任务逾期 7 天，负责该案件的 HR 会收到预警；最后工作日前 3 天和当天提醒工资结清和离职证明，最后工作日后第 10、14 天提醒档案和社保转移（第50条：十五日内）。',
    ),
    lesson(
      'stalling',
      '处理拖延与「需电话联系」',
      '员工失联时，提醒从提交起就开始发送。先电话联系；最后工作日之后，员工一方的事项（交接清单、签名）可以豁免，但必须写明原因并附上其他方式通知的证明（如 EMS 回执）。',
      '公司的法定义务（结清工资、离职证明、社保停缴、公积金封存、档案转移）从不豁免，只能办理完成并备注。HR 不能替员工撤回辞职，只能凭员工的书面请求办理。',
    ),
    lesson(
      'evidence',
      '证据与仲裁',
      '每个案件都是证据：通知收到时间与摘要、文件摘要、签名人身份、服务器时间和哈希链审计日志；证据页通过重放日志核对每个字段。',
      '劳动争议申请仲裁的时效为一年，从当事人知道或者应当知道其权利被侵害之日起计算（《劳动争议调解仲裁法》第27条）；与争议有关的证据由公司掌握的，公司应当提供（第6条）。解除或终止的劳动合同文本至少保存二年（第50条）。',
    ),
    lesson(
      'data',
      '用数据改进流程',
      '「统计」页给出离职原因分布、平均办理天数、72 小时内签署的比例和各阶段平均时长，最慢的阶段就是瓶颈。对比已掌握与未掌握培训的员工的按时办结率，找出要改进的环节，提交离职流程优化方案。',
    ),
  ],
  questions: [
    judge(
      'hr-withdraw',
      'HR 可以在员工不知情的情况下撤回其辞职。',
      false,
      'HR 从不单方撤回辞职：只能凭员工的书面请求（附在案件上）办理（《民法典》第141条）。',
    ),
    single(
      'transfer',
      '档案和社保关系转移应在解除劳动合同后多少日内办理？',
      [
        ['15 日', true],
        ['30 日', false],
        ['3 日', false],
        ['60 日', false],
      ],
      '《劳动合同法》第50条：十五日内办理档案和社会保险关系转移手续。',
    ),
    single(
      'alert-day',
      '员工的任务逾期第几天，HR 会收到预警？',
      [
        ['第 7 天', true],
        ['第 1 天', false],
        ['第 3 天', false],
        ['第 30 天', false],
      ],
      '提醒策略：第 7 天起严肃提醒员工，并预警负责的 HR。',
    ),
    multiple(
      'never-waived',
      '以下哪些事项是公司的法定义务，只能办理，不能豁免？',
      [
        ['结清工资', true],
        ['出具离职证明', true],
        ['社保停缴与档案转移', true],
        ['员工的签名', false],
      ],
      '第50条与《工资支付暂行规定》第9条规定的是公司义务；员工一方的事项在最后工作日后可凭通知证明豁免。',
    ),
    single(
      'waive-signature',
      '员工失联且已过最后工作日，未签署的《辞职书》怎么处理？',
      [
        ['写明原因并附其他方式通知的证明（如 EMS 回执）后豁免', true],
        ['替员工签名', false],
        ['撤回案件', false],
        ['一直等待员工回来签', false],
      ],
      '员工一方的事项在最后工作日后可以豁免，但必须有说明和通知证明；合同在最后工作日解除（第37条）。',
    ),
    single(
      'limitation',
      '劳动争议申请仲裁的时效是多久？',
      [
        ['一年', true],
        ['六个月', false],
        ['两年', false],
        ['三年', false],
      ],
      '《劳动争议调解仲裁法》第27条：仲裁时效期间为一年。',
    ),
    single(
      'keep-years',
      '已解除的劳动合同文本至少保存几年？',
      [
        ['二年', true],
        ['半年', false],
        ['一年', false],
        ['五年', false],
      ],
      '《劳动合同法》第50条第3款：用人单位对已经解除或者终止的劳动合同的文本，至少保存二年备查。',
    ),
    judge(
      'bottleneck',
      '统计页中平均时长最长的阶段会被标为瓶颈。',
      true,
      '各阶段平均时长来自存储的阶段进出时间，最慢的阶段即瓶颈，是改进流程的起点。',
    ),
  ],
};

export const DEFAULT_COURSES: readonly Course[] = [START, HANDOVER, SIGN, RIGHTS, MANAGER, HR];
