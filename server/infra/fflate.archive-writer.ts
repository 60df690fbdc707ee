import { zipSync } from 'fflate';
import type { ArchiveWriter } from '../app/ports/archive-writer.port';

/**
 * ZIP with fflate. Fixed entry times (1980-01-01, ZIP's earliest), so the same files make the
 * same archive; names are UTF-8 (fflate sets the flag), which `unzip` and Windows read.
 */
export const fflateArchiveWriter: ArchiveWriter = {
  zip(entries) {
    const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
    const mtime = new Date(1980, 0, 1);
    for (const entry of entries) files[entry.path] = [entry.bytes, { mtime }];
    return zipSync(files, { level: 6 });
  },
};
