/**
 * The wire format of the real wx-server-sdk's cloud calls (`cloud.openapi.*`), so the local
 * cloud can answer the SDK itself rather than only our own `cloud` object.
 *
 * Checked by running wx-server-sdk 4.0.2 (@cloudbase/node-sdk 3.17.2) against a local server
 * (tests/integration/local-cloud/openapi-wire.test.ts):
 *
 * - Request: `POST <serviceUrl>?env=…&seqId=…`, `multipart/form-data` (sent chunked), fields
 *   `action=wx.openApi`, `apiName` (`subscribeMessage.send`), `requestData` (protobuf
 *   `CommApiData`), then `envName`, `wxCloudApiToken`, … (empty off WeChat).
 * - `CommApiData`: 1 apiType (varint, 0 = OPEN_API), 2 openapiData { repeated 1 pair }, 6 appid.
 *   A pair is 1 key, 2 value (bytes), 3 contenttype, 4 filename: one per top-level parameter,
 *   the key in snake_case (the SDK converts `templateId` → `template_id`, recursively), the value
 *   the parameter's JSON text, or raw bytes when the pair has a content type (media uploads).
 * - Answer: HTTP 200 with a protobuf `CommOpenApiResp`: 1 respData (bytes), 2 contentType,
 *   3 errorCode (a cloud-side failure, not WeChat's), 4 httpCode. With a JSON `contentType`,
 *   the SDK parses respData as WeChat's own answer: errcode 0 resolves, anything else rejects
 *   with `errCode = errcode` and `errMsg = "openapi.<api>:fail <errmsg>"`.
 */
import { Reader, Writer } from 'protobufjs/minimal';

/** A call as WeChat's HTTP API would receive it. */
export interface OpenApiCall {
  /** Without the `openapi.` prefix: `subscribeMessage.send`. */
  apiName: string;
  /**
   * The JSON body, with the snake_case keys the SDK sends (`template_id`,
   * `miniprogram_state`; `data.thing1.value` keeps its own key). A media parameter arrives as
   * `{ contentType, filename, value: Buffer }`.
   */
  data: Record<string, unknown>;
}

/** WeChat's answer; fields beside errcode/errmsg reach the caller camelCased by the SDK. */
export type OpenApiAnswer = { errcode: number; errmsg: string } & Record<string, unknown>;

export interface HttpAnswer {
  statusCode: number;
  contentType: string;
  body: Buffer;
}

const VARINT = 0;
const LEN = 2;
const tag = (field: number, wireType: number): number => (field << 3) | wireType;

const OPEN_API = 0;

// The SDK's transport parses a body as a JSON error only under exactly this header; anything
// else is decoded as protobuf. So the JSON content type goes inside the protobuf, not on HTTP.
const WECHAT_JSON = 'application/json; charset=utf-8';

/**
 * The fields of a `multipart/form-data` body (as the SDK's form-data writer makes it: CRLF line
 * breaks, one value per name). A value is the part's raw bytes.
 */
export function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(
    contentType,
  );
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) throw new Error(`not a multipart/form-data content type: ${contentType}`);
  const delimiter = Buffer.from(`--${token}`);
  const partEnd = Buffer.from(`\r\n--${token}`);
  const fields = new Map<string, Buffer>();

  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart body without its boundary');
  pos += delimiter.length;
  for (;;) {
    if (body.toString('latin1', pos, pos + 2) === '--') return fields;
    if (body.toString('latin1', pos, pos + 2) !== '\r\n') throw new Error('malformed multipart');
    const headersEnd = body.indexOf('\r\n\r\n', pos + 2);
    if (headersEnd < 0) throw new Error('multipart part without a blank line after its headers');
    const headers = body.toString('utf8', pos + 2, headersEnd);
    const next = body.indexOf(partEnd, headersEnd + 4);
    if (next < 0) throw new Error('multipart body ends inside a part');
    const name = /^content-disposition:\s*form-data\s*;(?:.*;)?\s*name="([^"]*)"/im.exec(
      headers,
    )?.[1];
    if (name === undefined) throw new Error(`multipart part without a name: ${headers}`);
    if (fields.has(name)) throw new Error(`multipart field ${name} given twice`);
    fields.set(name, body.subarray(headersEnd + 4, next));
    pos = next + partEnd.length;
  }
}

/** The body of a `wx.openApi` POST, decoded to the call WeChat's HTTP API would receive. */
export function decodeOpenApiCall(body: Buffer, contentType: string): OpenApiCall {
  const fields = parseMultipart(body, contentType);
  const action = fields.get('action')?.toString('utf8');
  if (action !== 'wx.openApi') throw new Error(`not an openapi call: action ${action}`);
  const apiName = fields.get('apiName')?.toString('utf8');
  if (!apiName) throw new Error('openapi call without apiName');
  const requestData = fields.get('requestData');
  if (!requestData) throw new Error(`openapi.${apiName} without requestData`);

  const reader = Reader.create(requestData);
  let apiType = OPEN_API;
  const data: Record<string, unknown> = {};
  while (reader.pos < reader.len) {
    const t = reader.uint32();
    if (t === tag(1, VARINT)) apiType = reader.int32();
    else if (t === tag(2, LEN)) readOpenApiData(reader, reader.uint32() + reader.pos, data);
    else reader.skipType(t & 7);
  }
  // The SDK's other kinds (getOpenData, getVoIPSign) wrap a different payload.
  if (apiType !== OPEN_API) throw new Error(`openapi.${apiName}: apiType ${apiType} unsupported`);
  return { apiName, data };
}

function readOpenApiData(reader: Reader, end: number, data: Record<string, unknown>): void {
  while (reader.pos < end) {
    const t = reader.uint32();
    if (t !== tag(1, LEN)) {
      reader.skipType(t & 7);
      continue;
    }
    const pairEnd = reader.uint32() + reader.pos;
    let key = '';
    let value = Buffer.alloc(0);
    let contentType: string | undefined;
    let filename: string | undefined;
    while (reader.pos < pairEnd) {
      const p = reader.uint32();
      if (p === tag(1, LEN)) key = reader.string();
      else if (p === tag(2, LEN)) value = Buffer.from(reader.bytes());
      else if (p === tag(3, LEN)) contentType = reader.string();
      else if (p === tag(4, LEN)) filename = reader.string();
      else reader.skipType(p & 7);
    }
    // Integers beyond 2^53 (the SDK writes them with json-bigint) would lose precision here;
    // no parameter we send has one.
    data[key] =
      contentType === undefined
        ? (JSON.parse(value.toString('utf8')) as unknown)
        : { contentType, filename, value };
  }
}

/**
 * WeChat's answer as the SDK receives it: HTTP 200, a protobuf `CommOpenApiResp` whose
 * respData is the answer's JSON. The SDK resolves on errcode 0 and otherwise rejects with
 * `errCode === answer.errcode`, `errMsg === "openapi.<api>:fail " + answer.errmsg`.
 */
export function encodeOpenApiAnswer(answer: OpenApiAnswer): HttpAnswer {
  const body = Writer.create()
    .uint32(tag(1, LEN))
    .bytes(Buffer.from(JSON.stringify(answer), 'utf8'))
    .uint32(tag(2, LEN))
    .string(WECHAT_JSON)
    .uint32(tag(4, VARINT))
    .uint32(200)
    .finish();
  return {
    statusCode: 200,
    contentType: 'application/octet-stream',
    body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
  };
}

/**
 * An answer that is not JSON (an image from `wxacode.*`): the bytes as respData under their own
 * content type; the SDK then resolves with `{ contentType, buffer }`.
 */
export function encodeOpenApiBuffer(contentType: string, bytes: Buffer): HttpAnswer {
  const body = Writer.create()
    .uint32(tag(1, LEN))
    .bytes(bytes)
    .uint32(tag(2, LEN))
    .string(contentType)
    .uint32(tag(4, VARINT))
    .uint32(200)
    .finish();
  return {
    statusCode: 200,
    contentType: 'application/octet-stream',
    body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
  };
}
