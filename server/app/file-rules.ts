/**
 * What the server accepts as case files (DESIGN §4): the signature a PNG of at most 200 KB;
 * documents images, PDF or Office files of at most 20 MB. The type comes from the file's own
 * bytes, never from what the client claims.
 */
/**
 * The uploader's tag in a case file's name, `cases/{caseId}/{kind}/{tag}-…`. A function cannot
 * learn through the SDK who uploaded a file (getTempFileURL and downloadFile say nothing of the
 * creator; only the storage rule sees it), so the folder names it: the first 16 hex digits of
 * SHA-256 over the OPENID. OPENIDs are not shown to other users, so no one else can name a
 * file as the caller's; the server accepts only files carrying the caller's own tag.
 */
export function uploaderTag(openid: string, sha256: (text: string) => string): string {
  return sha256(`uploader:${openid}`).slice(0, 16);
}

export const SIGNATURE_MAX_BYTES = 200 * 1024;
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export interface FileType {
  readonly contentType: string;
  readonly extension: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);

const OOXML: Readonly<Record<string, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const LEGACY_OFFICE: Readonly<Record<string, string>> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(Math.max(0, from), Math.min(bytes.length, to)));

/**
 * A PDF ends with its trailer: `%%EOF` last (only whitespace after it), with `startxref` (or a
 * `trailer` dictionary) before it. A file that starts `%PDF-` and goes on as HTML has none.
 */
export function hasPdfTrailer(bytes: Uint8Array): boolean {
  const tail = ascii(bytes, bytes.length - 1024, bytes.length).replace(/[\s\0]+$/, '');
  if (!tail.endsWith('%%EOF')) return false;
  return /startxref|trailer/.test(tail);
}

const readU16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const readU32 = (bytes: Uint8Array, at: number) =>
  (readU16(bytes, at) | (readU16(bytes, at + 2) << 16)) >>> 0;

/**
 * The names in a zip's central directory (found from its end record), or null when the file
 * is no well-formed zip.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end record: 22 bytes, after at most a 65,535-byte comment.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (readU32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = readU16(bytes, end + 10);
  let at = readU32(bytes, end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || readU32(bytes, at) !== 0x02014b50) return null;
    const nameLength = readU16(bytes, at + 28);
    const extraLength = readU16(bytes, at + 30);
    const commentLength = readU16(bytes, at + 32);
    names.push(ascii(bytes, at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The folder each Office Open XML kind keeps its main part in. */
const OOXML_MAIN_FOLDER: Readonly<Record<string, string>> = {
  docx: 'word/',
  xlsx: 'xl/',
  pptx: 'ppt/',
};

/**
 * An Office Open XML file is a zip whose central directory lists `[Content_Types].xml` and
 * the kind's main folder (ECMA-376 Part 2): any other zip named `.docx` is not one.
 */
export function isOoxmlContainer(bytes: Uint8Array, extension: string): boolean {
  const names = zipEntryNames(bytes);
  const folder = OOXML_MAIN_FOLDER[extension];
  if (!names || !folder) return false;
  return names.includes('[Content_Types].xml') && names.some((name) => name.startsWith(folder));
}

/** The file's type by its magic number; Office containers are told apart by extension. */
export function sniffFileType(bytes: Uint8Array, path: string): FileType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { contentType: 'image/png', extension: 'png' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) {
    return { contentType: 'image/gif', extension: 'gif' };
  }
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return { contentType: 'image/webp', extension: 'webp' };
  }
  // Not only the magic bytes: the container's structure too.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return hasPdfTrailer(bytes) ? { contentType: 'application/pdf', extension: 'pdf' } : null;
  }
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) &&
    OOXML[extension] &&
    isOoxmlContainer(bytes, extension)
  ) {
    return { contentType: OOXML[extension], extension };
  }
  if (
    startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) &&
    LEGACY_OFFICE[extension]
  ) {
    return { contentType: LEGACY_OFFICE[extension], extension };
  }
  return null;
}

/** Why a file is refused, in Chinese, or null when it is accepted. */
export function fileProblem(
  bytes: Uint8Array,
  type: FileType | null,
  purpose: 'signature' | 'document',
): string | null {
  if (purpose === 'signature') {
    if (type?.contentType !== 'image/png') return '签名须为 PNG 图片';
    if (bytes.length > SIGNATURE_MAX_BYTES) return '签名图片不能超过 200 KB';
    return null;
  }
  if (!type) return '只能上传图片、PDF 或 Office 文件';
  if (bytes.length > DOCUMENT_MAX_BYTES) return '文件不能超过 20 MB';
  return null;
}
