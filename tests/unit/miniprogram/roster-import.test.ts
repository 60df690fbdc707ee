import {
  importFailure,
  normaliseDate,
  parseRoles,
  parseRoster,
  rosterOutcome,
  rosterPreview,
} from '../../../miniprogram/view-models/roster-import';

const tabbed = (...cells: string[]) => cells.join('\t');

describe('roster import: reading pasted rows', () => {
  it('reads tab-separated rows copied from Excel, in the fixed column order', () => {
    const text = tabbed(
      'D001',
      '张三',
      '研发部',
      '工程师',
      'M001',
      '2024-05-06',
      '2024-11-06',
      '2024-05-06',
      '2027-05-05',
      '员工、经理',
    );
    expect(parseRoster(text)).toEqual({
      rows: [
        {
          employeeNo: 'D001',
          name: '张三',
          department: '研发部',
          position: '工程师',
          managerNo: 'M001',
          hireDate: '2024-05-06',
          probationEndDate: '2024-11-06',
          contractStart: '2024-05-06',
          contractEnd: '2027-05-05',
          roles: ['employee', 'manager'],
        },
      ],
      lines: [1],
      problems: [],
    });
  });

  it('accepts commas (ASCII or full-width) when a line has no tab', () => {
    const parsed = parseRoster('D002, 李四 ,销售部,销售，,2024-01-02,2024-04-01');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]).toEqual({
      employeeNo: 'D002',
      name: '李四',
      department: '销售部',
      position: '销售',
      hireDate: '2024-01-02',
      probationEndDate: '2024-04-01',
    });
  });

  it('leaves empty optional cells out of the row', () => {
    const parsed = parseRoster(
      tabbed('D003', '王五', '财务部', '会计', '', '2024-01-02', '2024-04-01', '', '', ''),
    );
    expect(parsed.rows[0]).not.toHaveProperty('managerNo');
    expect(parsed.rows[0]).not.toHaveProperty('contractStart');
    expect(parsed.rows[0]).not.toHaveProperty('roles');
  });

  it('skips a header row and blank lines, and numbers rows by their pasted line', () => {
    const text = [
      tabbed('工号', '姓名', '部门', '岗位', '直属经理工号', '入职日期', '试用期结束日'),
      '',
      tabbed('D001', '张三', '研发部', '工程师', '', '2024-05-06', '2024-11-06'),
      '   ',
      tabbed('D002', '李四', '研发部', '工程师', 'D001', '2024-05-06', '2024-11-06'),
      '',
    ].join('\r\n');
    const parsed = parseRoster(text);
    expect(parsed.rows.map((r) => r.employeeNo)).toEqual(['D001', 'D002']);
    expect(parsed.lines).toEqual([3, 5]);
    expect(rosterPreview(parsed).count).toBe(2);
  });

  it('only skips the header when it comes first', () => {
    const text = [
      tabbed('D001', '张三', '研发部', '工程师', '', '2024-05-06', '2024-11-06'),
      tabbed('工号', '姓名', '部门', '岗位', '直属经理工号', '入职日期', '试用期结束日'),
    ].join('\n');
    expect(parseRoster(text).problems).toContain(
      '第 2 行 入职日期：“入职日期”不是有效日期，应如 2024-05-06 或 2024/5/6',
    );
  });

  it.each([
    ['2024-05-06', '2024-05-06'],
    ['2024-5-6', '2024-05-06'],
    ['2024/5/6', '2024-05-06'],
    ['2024/12/31', '2024-12-31'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-04-31', null],
    ['2024-5/6', null],
    ['2024.5.6', null],
    ['5/6/2024', null],
    ['明天', null],
  ])('reads the date %s as %p', (cell, expected) => {
    expect(normaliseDate(cell)).toBe(expected);
  });

  it('reads roles in Chinese or English, separated by 、 or /', () => {
    expect(parseRoles('员工、经理')).toEqual({ roles: ['employee', 'manager'], unknown: [] });
    expect(parseRoles('HR/管理员')).toEqual({ roles: ['hr', 'admin'], unknown: [] });
    expect(parseRoles('employee / Manager、hr、admin')).toEqual({
      roles: ['employee', 'manager', 'hr', 'admin'],
      unknown: [],
    });
    expect(parseRoles('经理、经理')).toEqual({ roles: ['manager'], unknown: [] });
    expect(parseRoles('经理、老板')).toEqual({ roles: ['manager'], unknown: ['老板'] });
  });

  it('reports each line’s problems in Chinese and does not send that row', () => {
    const text = [
      tabbed('D001', '', '研发部', '工程师', '', '2024-13-01', '2024-11-06'),
      tabbed('张三', '张三', '研发部', '工程师', 'M 1', '2024-05-06', '2024-11-06', '', '', '老板'),
      tabbed('D003', '王五', '财务部'),
      tabbed('D004', '赵六', '财务部', '会计', '', '2024-01-02', '2024-04-01'),
    ].join('\n');
    const parsed = parseRoster(text);
    expect(parsed.problems).toEqual([
      '第 1 行 姓名：必填',
      '第 1 行 入职日期：“2024-13-01”不是有效日期，应如 2024-05-06 或 2024/5/6',
      '第 2 行 工号：只能包含字母、数字、下划线和连字符，最多 32 位',
      '第 2 行 直属经理工号：只能包含字母、数字、下划线和连字符，最多 32 位',
      '第 2 行 角色：不认识“老板”，应为 员工、经理、HR 或 管理员',
      '第 3 行 岗位：必填',
      '第 3 行 入职日期：必填',
      '第 3 行 试用期结束日：必填',
    ]);
    expect(parsed.rows.map((r) => r.employeeNo)).toEqual(['D004']);
    const preview = rosterPreview(parsed);
    expect(preview.count).toBe(4);
    expect(preview.blocker).toBe('请先改正以上问题再导入');
  });

  it('flags cells beyond the tenth column and names over-long text', () => {
    const extra = tabbed(
      'D001',
      '张三',
      '研发部',
      '工程师',
      '',
      '2024-05-06',
      '2024-11-06',
      '',
      '',
      '',
      '多余',
    );
    const long = tabbed(
      'D002',
      '张'.repeat(33),
      '研发部',
      '工程师',
      '',
      '2024-05-06',
      '2024-11-06',
    );
    expect(parseRoster(`${extra}\n${long}`).problems).toEqual([
      '第 1 行：多于 10 列，请按上方列顺序粘贴',
      '第 2 行 姓名：最多 32 个字',
    ]);
  });

  it('refuses more than 500 rows, and nothing at all', () => {
    const row = (i: number) =>
      tabbed(`E${i}`, '员工', '研发部', '工程师', '', '2024-05-06', '2024-11-06');
    const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i)).join('\n');
    expect(rosterPreview(parseRoster(rows(500))).blocker).toBe('');
    const over = rosterPreview(parseRoster(rows(501)));
    expect(over.count).toBe(501);
    expect(over.blocker).toBe('共 501 行，一次最多导入 500 行，请分批导入');
    expect(rosterPreview(parseRoster('\n  \n')).blocker).toBe('请粘贴要导入的员工');
  });

  it('shows the first 20 problems and counts the rest', () => {
    const text = Array.from({ length: 25 }, (_, i) => `D${i}`).join('\n');
    const preview = rosterPreview(parseRoster(text));
    expect(preview.problems).toHaveLength(20);
    expect(preview.moreProblems).toBe(25 * 5 - 20);
  });
});

describe('roster import: the server’s answer', () => {
  it('shows the totals and each refused row by its pasted line and column name', () => {
    const outcome = rosterOutcome(
      {
        created: 3,
        updated: 1,
        errors: [
          { row: 2, field: 'managerNo', message: '没有员工 X9，请先导入直属经理' },
          { row: 4, field: 'roles', message: '只有管理员可以授予或取消 HR、管理员角色' },
          { row: 9, field: 'other', message: '未知' },
        ],
      },
      [2, 3, 5, 6],
    );
    expect(outcome).toEqual({
      created: '新增 3 人',
      updated: '更新 1 人',
      errors: [
        '第 3 行 直属经理工号：没有员工 X9，请先导入直属经理',
        '第 6 行 角色：只有管理员可以授予或取消 HR、管理员角色',
        '第 9 行 other：未知',
      ],
      moreErrors: 0,
    });
  });
});

describe('roster import: a refusal of the whole import', () => {
  it('names a row the server’s validation caught by its pasted line and column', () => {
    const error = {
      message: '第2行 入职日期：应为有效日期，格式 YYYY-MM-DD',
      details: {
        field: 'rows.1.hireDate',
        issues: [
          { field: 'rows.1.hireDate', message: '第2行 入职日期：应为有效日期，格式 YYYY-MM-DD' },
        ],
      },
    };
    expect(importFailure(error, [2, 4])).toBe('第 4 行 入职日期：应为有效日期，格式 YYYY-MM-DD');
  });

  it('keeps any other message as the server wrote it', () => {
    expect(importFailure({ message: '只有 HR 可以导入花名册' }, [1])).toBe(
      '只有 HR 可以导入花名册',
    );
    expect(
      importFailure(
        { message: '导入数据：最多 500 项', details: { field: 'rows', issues: [] } },
        [1],
      ),
    ).toBe('导入数据：最多 500 项');
  });
});
