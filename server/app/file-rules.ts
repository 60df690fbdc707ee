/**
 * What the server accepts as case files (DESIGN §4): the signature a PNG of at most 200 KB;
 * documents images, PDF or Office files of at most 20 MB. The type comes from the file's own
 * bytes, never from what the client claims.
 */
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
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { contentType: 'application/pdf', extension: 'pdf' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && OOXML[extension]) {
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
