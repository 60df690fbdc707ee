/**
 * WeChat's side of `openapi.wxacode.getUnlimited` (a 小程序码 that opens `page` with `scene`).
 * As WeChat answers: the image's bytes with their content type on success; JSON errors for a
 * scene that is missing, longer than 32 characters or has characters outside the allowed set
 * (40169), or a width outside 280–1280 px (40097). The image is a PNG whose pattern follows
 * from the page and scene (WeChat's round code cannot be decoded off WeChat either; the scene
 * is printed beside it on every document).
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { OpenApiAnswer } from './openapi-wire';

/** Characters WeChat allows in a scene. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export type WxacodeAnswer =
  | { readonly ok: true; readonly image: Buffer; readonly contentType: string }
  | { readonly ok: false; readonly answer: OpenApiAnswer };

export function getUnlimited(data: Record<string, unknown>): WxacodeAnswer {
  const scene = data.scene;
  if (typeof scene !== 'string' || !SCENE.test(scene)) {
    const errmsg = 'invalid length for scene, or the data is not json string';
    return { ok: false, answer: { errcode: 40169, errmsg } };
  }
  const width = data.width === undefined ? 430 : Number(data.width);
  if (!Number.isInteger(width) || width < 280 || width > 1280) {
    return { ok: false, answer: { errcode: 40097, errmsg: 'invalid args: width' } };
  }
  const page = typeof data.page === 'string' ? data.page : '';
  if (page.startsWith('/')) {
    return { ok: false, answer: { errcode: 41030, errmsg: 'invalid page: no leading /' } };
  }
  return { ok: true, image: patternPng(`${page}?scene=${scene}`, width), contentType: 'image/png' };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A square 8-bit greyscale PNG: a 25 × 25 grid of dark and light cells from the text's hash. */
export function patternPng(text: string, size: number): Buffer {
  const cells = 25;
  const bits: boolean[] = [];
  let seed = createHash('sha256').update(text).digest();
  while (bits.length < cells * cells) {
    for (const byte of seed) for (let b = 0; b < 8; b += 1) bits.push(((byte >> b) & 1) === 1);
    seed = createHash('sha256').update(seed).digest();
  }
  const cell = size / cells;
  const raw = Buffer.alloc((size + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      const dark = bits[Math.floor(y / cell) * cells + Math.floor(x / cell)] === true;
      raw[y * (size + 1) + 1 + x] = dark ? 0 : 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
