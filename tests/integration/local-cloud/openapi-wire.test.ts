/**
 * The real wx-server-sdk against a local server built on openapi-wire: what the SDK sends for
 * `cloud.openapi.subscribeMessage.send`, and how it takes WeChat's answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeOpenApiCall,
  encodeOpenApiAnswer,
  type OpenApiAnswer,
  type OpenApiCall,
} from '../../../tools/local-cloud/openapi-wire';

const SDK_ENV = {
  // Dummies: without them the SDK raises an unhandled rejection ("missing secretId or secretKey").
  TENCENTCLOUD_SECRETID: 'local',
  TENCENTCLOUD_SECRETKEY: 'local',
  // Without it the SDK asks http://metadata.tencentyun.com (a DNS lookup on every call) whether
  // it runs on Tencent Cloud. With it, it only picks an intranet endpoint, which the URL overrides.
  TENCENTCLOUD: 'true',
};

let server: http.Server;
let cloud: WxServerSdk.Cloud;
let calls: OpenApiCall[] = [];
let serverErrors: unknown[] = [];
let answer: OpenApiAnswer = { errcode: 0, errmsg: 'ok' };
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        calls.push(decodeOpenApiCall(Buffer.concat(chunks), req.headers['content-type'] ?? ''));
        const { statusCode, contentType, body } = encodeOpenApiAnswer(answer);
        res.writeHead(statusCode, { 'content-type': contentType, 'content-length': body.length });
        res.end(body);
      } catch (error) {
        serverErrors.push(error);
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(process.env, SDK_ENV, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
  });
  // Loaded only now: the SDK reads its settings from the environment.
  const sdk = (await import('wx-server-sdk')).default;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  cloud = sdk;
});

afterAll(async () => {
  process.env = savedEnv;
  // The SDK keeps its connection alive.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  calls = [];
  serverErrors = [];
  answer = { errcode: 0, errmsg: 'ok' };
});
afterEach(() => expect(serverErrors).toEqual([]));

const params: WxServerSdk.SubscribeMessageSendParams = {
  touser: 'o-employee-1',
  templateId: 'tmpl-employee-reminder',
  page: 'packages/case/pages/detail/index?id=case-1',
  data: {
    thing1: { value: '交接清单待完成' },
    time2: { value: '2027年3月1日 10:00' },
    phrase3: { value: '待处理' },
    thing4: { value: '请签字 ✍️ 完成 🎉' },
  },
  miniprogramState: 'developer',
  lang: 'zh_CN',
};

describe('cloud.openapi.subscribeMessage.send through the real SDK', () => {
  it('arrives as WeChat would get it: snake_case keys, the data as sent', async () => {
    await cloud.openapi.subscribeMessage.send(params);

    expect(calls).toEqual([
      {
        apiName: 'subscribeMessage.send',
        data: {
          touser: 'o-employee-1',
          template_id: 'tmpl-employee-reminder',
          page: 'packages/case/pages/detail/index?id=case-1',
          data: {
            thing1: { value: '交接清单待完成' },
            time2: { value: '2027年3月1日 10:00' },
            phrase3: { value: '待处理' },
            thing4: { value: '请签字 ✍️ 完成 🎉' },
          },
          miniprogram_state: 'developer',
          lang: 'zh_CN',
        },
      },
    ]);
  });

  it('leaves out what the caller left out', async () => {
    const { page: _page, miniprogramState: _state, lang: _lang, ...bare } = params;
    await cloud.openapi.subscribeMessage.send(bare);
    expect(Object.keys(calls[0]?.data ?? {}).sort()).toEqual(['data', 'template_id', 'touser']);
  });

  it('resolves with errCode 0 when WeChat answers errcode 0', async () => {
    await expect(cloud.openapi.subscribeMessage.send(params)).resolves.toEqual({
      errCode: 0,
      errMsg: 'openapi.subscribeMessage.send:ok',
    });
  });

  it('passes on the other fields of a success, camelCased', async () => {
    answer = { errcode: 0, errmsg: 'ok', extra_field: 7 };
    await expect(cloud.openapi.subscribeMessage.send(params)).resolves.toEqual({
      errCode: 0,
      errMsg: 'openapi.subscribeMessage.send:ok',
      extraField: 7,
    });
  });

  it.each([
    [43101, 'user refuse to accept the msg rid: 6790d3a1-0e1c2b3d-4a5f6e7d'],
    [47003, 'argument invalid! data.thing1.value is empty rid: 6790d3a1-1b2c3d4e-5f6a7b8c'],
    [40037, 'invalid template_id rid: 6790d3a1-2c3d4e5f-6a7b8c9d'],
    [40003, 'invalid openid rid: 6790d3a1-3d4e5f6a-7b8c9d0e'],
  ])('rejects with WeChat errcode %i and its errmsg', async (errcode, errmsg) => {
    answer = { errcode, errmsg };
    await expect(cloud.openapi.subscribeMessage.send(params)).rejects.toMatchObject({
      errCode: errcode,
      errMsg: `openapi.subscribeMessage.send:fail ${errmsg}`,
    });
  });
});

describe('decodeOpenApiCall', () => {
  it('refuses a request that is not an openapi call', () => {
    const body = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="action"\r\n\r\ndatabase.getDocument\r\n--b--\r\n',
    );
    expect(() => decodeOpenApiCall(body, 'multipart/form-data; boundary=b')).toThrow(
      'not an openapi call',
    );
  });
});
