/** Cloud storage as the functions use it. */
export interface FileStore {
  /** The path inside the environment of a file id (`cloud://env.bucket/path` → `path`). */
  pathOf(fileId: string): string | null;
  download(fileId: string): Promise<Uint8Array | null>;
  upload(path: string, content: Uint8Array): Promise<string>;
  temporaryUrls(fileIds: readonly string[]): Promise<Readonly<Record<string, string>>>;
  /** Deletes the files; how many existed and are gone (a missing one is no error). */
  remove(fileIds: readonly string[]): Promise<number>;
}
