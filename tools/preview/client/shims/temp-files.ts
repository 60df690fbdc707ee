/** The client's temporary files (`wxfile://tmp/…`): blobs picked, drawn or downloaded. */
const files = new Map<string, Blob>();
let next = 0;

export function saveTempFile(blob: Blob, name: string): string {
  next += 1;
  const safe = name.replace(/[^\w.-]/g, '_') || 'file';
  const path = `wxfile://tmp/${Date.now().toString(36)}${next}_${safe}`;
  files.set(path, blob);
  return path;
}

export function readTempFile(path: string): Blob | undefined {
  return files.get(path);
}
