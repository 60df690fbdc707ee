import fs from 'node:fs';
import path from 'node:path';
import type { DocPatch } from './document-diff';
import { isDate, type StoredDoc } from './document-values';

/** What the store applies: a whole document written, a document removed, everything removed. */
export type JournalOp =
  { t: 'put'; c: string; d: StoredDoc } | { t: 'del'; c: string; id: string } | { t: 'clear' };
/**
 * What the journal records: a write to an existing document is recorded as its change
 * (`patch`), so a small update of a large document costs a small line.
 */
export type JournalEntry = JournalOp | ({ t: 'patch'; c: string; id: string } & DocPatch);
/** A `batch` is applied all-or-nothing (a transaction commit). */
export type JournalRecord = JournalEntry | { t: 'batch'; ops: JournalEntry[] };

/** The snapshot: a header line (`{ "t": "snapshot", "next": n }`), then one `put` per document. */
export const SNAPSHOT_FILE = 'snapshot.ndjson';
/**
 * The first journal of a folder (generation 0); later ones are `journal-<n>.ndjson`. A snapshot
 * whose header says `next: n` holds everything journals below `n` recorded.
 */
export const JOURNAL_FILE = 'journal.ndjson';
/** Holds the pid of the process that has the data folder open: two writers would corrupt it. */
export const LOCK_FILE = 'LOCK';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder; a lock left by a dead process (kill -9) is taken over. */
function lock(dir: string): string {
  const file = path.join(dir, LOCK_FILE);
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
        throw new Error(`data folder ${dir} is in use by process ${holder} (${file})`);
      }
      fs.rmSync(file, { force: true });
    }
  }
}

/**
 * JSON has no dates: a Date is written as `{ "$date": iso }`. Document keys never start with `$`
 * (the database rejects them), so the tag cannot collide with user data. The walks below beat a
 * JSON replacer/reviver by about 2.5× (they run once per document when a folder opens).
 */
function tagDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(tagDates);
  if (isDate(value)) return { $date: value.toISOString() };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    out[key] = tagDates((value as Record<string, unknown>)[key]);
  return out;
}

/** Turns `{ "$date": iso }` back into dates, in place (the value was just parsed). */
function untagDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = untagDates(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.$date === 'string' && Object.keys(object).length === 1) {
    return new Date(object.$date);
  }
  for (const key of Object.keys(object)) object[key] = untagDates(object[key]);
  return object;
}

export function encodeRecord(record: JournalRecord): string {
  return JSON.stringify(tagDates(record));
}

export function decodeRecord(line: string): JournalRecord {
  return untagDates(JSON.parse(line)) as JournalRecord;
}

function fsyncDir(dir: string): void {
  // Makes a rename durable; some platforms refuse to open directories, which is harmless here.
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

/** The name of the journal of a generation (0 is `journal.ndjson`). */
export function journalName(generation: number): string {
  return generation === 0 ? JOURNAL_FILE : `journal-${String(generation).padStart(6, '0')}.ndjson`;
}

function generationOf(file: string): number | null {
  if (file === JOURNAL_FILE) return 0;
  const match = /^journal-(\d+)\.ndjson$/.exec(file);
  return match ? Number(match[1]) : null;
}

const TEMP_SUFFIX = '.tmp';
const READ_CHUNK = 8 * 1024 * 1024;
const SLICE_CHARS = 32 * 1024;

/**
 * Calls `line` for every complete line of the file with its byte offset, and whether it is the
 * file's last (read in chunks: a snapshot may be larger than the longest string V8 allows).
 * Returns the byte length of the complete lines: what follows the last newline was cut short by
 * a crash.
 */
function readLines(
  file: string,
  line: (text: string, offset: number, isLast: boolean) => void,
): number {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(READ_CHUNK);
    let carry: Buffer = Buffer.alloc(0);
    let complete = 0;
    // One line behind, so that the last line is known as such.
    let pending: { text: string; offset: number } | null = null;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, READ_CHUNK, null);
      if (read === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer;
      const end = carry.length + read;
      let from = 0;
      for (let at = data.indexOf(10, 0); at !== -1 && at < end; at = data.indexOf(10, from)) {
        if (pending !== null) line(pending.text, pending.offset, false);
        pending = { text: data.toString('utf8', from, at), offset: complete + from };
        from = at + 1;
      }
      complete += from;
      carry = Buffer.from(data.subarray(from, end));
    }
    if (pending !== null) line(pending.text, pending.offset, carry.length === 0);
    return complete;
  } finally {
    fs.closeSync(fd);
  }
}

/** What `Journal.open` found: sizes that decide when to compact. */
export interface OpenedFolder {
  snapshotBytes: number;
  journalBytes: number;
}

/** The documents of a snapshot, collection by collection (frozen: the store replaces, never mutates). */
export type SnapshotSource = Iterable<readonly [collection: string, docs: readonly StoredDoc[]]>;

/**
 * The data folder's durable state (DESIGN §5 persistence): a snapshot plus the journals written
 * since it.
 *
 * Every acknowledged write is appended to the newest journal and fdatasync'ed before it returns,
 * so it survives `kill -9`; a write to an existing document is recorded as its change (`patch`).
 * Opening reads the snapshot and replays the journals after it; nothing is rewritten then.
 * Compaction rotates to a new journal, writes the documents as they were at that moment to a
 * temp file (in the background, in slices), fsyncs it, renames it over the snapshot and only then
 * deletes the journals it covers. A crash at any point leaves either the old snapshot and every
 * journal since it, or the new snapshot and the journals since it: nothing is lost or applied twice.
 */
export class Journal {
  private fd: number | null = null;
  private lockFile: string | null = null;
  /** The generation appends go to. */
  private generation = 0;
  /** Bytes in the journals after the snapshot. */
  private bytes = 0;
  /** Bumped by a reset or close: a compaction that started before must not install its snapshot. */
  private epoch = 0;

  constructor(readonly dir: string) {}

  get journalBytes(): number {
    return this.bytes;
  }

  /** The file appends go to now. */
  get file(): string {
    return path.join(this.dir, journalName(this.generation));
  }

  /** Reads the snapshot and replays the journals after it into `apply`, then opens for appends. */
  open(apply: (op: JournalEntry) => void): OpenedFolder {
    fs.mkdirSync(this.dir, { recursive: true });
    this.lockFile = lock(this.dir);
    const names = fs.readdirSync(this.dir);
    // A compaction that did not finish: its snapshot was never installed.
    for (const name of names) {
      if (name.startsWith('snapshot') && name.endsWith(TEMP_SUFFIX)) {
        fs.rmSync(path.join(this.dir, name), { force: true });
      }
    }
    let next = 0;
    let snapshotBytes = 0;
    const snapshot = path.join(this.dir, SNAPSHOT_FILE);
    if (fs.existsSync(snapshot)) {
      let header = true;
      snapshotBytes = readLines(snapshot, (line) => {
        const record = decodeRecord(line) as JournalRecord | { t: 'snapshot'; next: number };
        if (header) {
          if (record.t !== 'snapshot') throw new Error(`${snapshot} has no header line`);
          next = record.next;
          header = false;
        } else apply(record as JournalEntry);
      });
      if (header) throw new Error(`${snapshot} is empty`);
    }
    const journals = names
      .map((name) => generationOf(name))
      .filter((generation): generation is number => generation !== null)
      .sort((a, b) => a - b);
    for (const generation of journals) {
      const file = path.join(this.dir, journalName(generation));
      // Journals the snapshot covers are left by a crash between its rename and their removal.
      if (generation < next) fs.rmSync(file, { force: true });
    }
    const live = journals.filter((generation) => generation >= next);
    live.forEach((generation, index) => {
      const file = path.join(this.dir, journalName(generation));
      const newest = index === live.length - 1;
      let torn: number | null = null;
      let lineNo = 0;
      let complete = readLines(file, (line, offset, isLast) => {
        lineNo++;
        if (line.trim() === '') return;
        let record: JournalRecord;
        try {
          record = decodeRecord(line);
        } catch (error) {
          // Only the newest journal's last line can be torn by a crash: it was never acknowledged.
          if (newest && isLast) {
            torn = offset;
            return;
          }
          throw new Error(`journal ${file} is corrupt at line ${lineNo}: ${String(error)}`);
        }
        if (record.t === 'batch') record.ops.forEach(apply);
        else apply(record);
      });
      if (torn !== null) complete = torn;
      if (newest && fs.statSync(file).size !== complete) {
        // Appends must follow the last whole line, or the torn one would end up mid-file.
        const fd = fs.openSync(file, 'r+');
        try {
          fs.ftruncateSync(fd, complete);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
      this.bytes += complete;
    });
    this.generation = live.length > 0 ? (live[live.length - 1] as number) : next;
    this.fd = fs.openSync(this.file, 'a');
    fsyncDir(this.dir);
    return { snapshotBytes, journalBytes: this.bytes };
  }

  /** Appends one record and waits for the disk: only then may the write be acknowledged. */
  append(record: JournalRecord): void {
    if (this.fd === null) throw new Error('journal is not open');
    const line = encodeRecord(record) + '\n';
    fs.writeSync(this.fd, line);
    fs.fdatasyncSync(this.fd);
    this.bytes += Buffer.byteLength(line);
  }

  /** Later appends go to a new journal; returns its generation (what a snapshot taken now is followed by). */
  private rotate(): number {
    if (this.fd === null) throw new Error('journal is not open');
    fs.closeSync(this.fd);
    this.generation += 1;
    this.fd = fs.openSync(this.file, 'a');
    fsyncDir(this.dir);
    this.bytes = 0;
    return this.generation;
  }

  /**
   * Writes `source` (the documents as they are now) as the new snapshot without blocking: the
   * encoding runs in slices between other work and the writes go to the thread pool, while
   * appends continue in the new journal. Resolves with the snapshot's size, or null when a
   * reset or close overtook it.
   */
  async compact(source: SnapshotSource): Promise<number | null> {
    const epoch = this.epoch;
    const next = this.rotate();
    const temp = path.join(this.dir, `snapshot-${next}${TEMP_SUFFIX}`);
    let installed = false;
    let size = 0;
    const handle = await fs.promises.open(temp, 'w');
    try {
      for (const chunk of snapshotChunks(source, next)) {
        size += (await handle.write(chunk)).bytesWritten;
        if (this.epoch !== epoch) return null;
      }
      await handle.sync();
      await handle.close();
      // From the check to the rename nothing else runs: a reset cannot slip in between.
      if (this.epoch !== epoch || this.fd === null) return null;
      this.install(temp, next);
      installed = true;
      return size;
    } finally {
      if (!installed) {
        await handle.close().catch(() => undefined);
        fs.rmSync(temp, { force: true });
      }
    }
  }

  /** The same, blocking, and dropping a compaction under way (a reset writes an empty snapshot). */
  compactNow(source: SnapshotSource): number {
    this.epoch += 1;
    const next = this.rotate();
    const temp = path.join(this.dir, `snapshot-${next}${TEMP_SUFFIX}`);
    const fd = fs.openSync(temp, 'w');
    let size = 0;
    try {
      for (const chunk of snapshotChunks(source, next)) size += fs.writeSync(fd, chunk);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.install(temp, next);
    return size;
  }

  /** Makes the fsynced temp file the snapshot, then drops the journals it covers. */
  private install(temp: string, next: number): void {
    fs.renameSync(temp, path.join(this.dir, SNAPSHOT_FILE));
    fsyncDir(this.dir);
    for (const name of fs.readdirSync(this.dir)) {
      const generation = generationOf(name);
      if (generation !== null && generation < next) fs.rmSync(path.join(this.dir, name));
    }
  }

  /** Closes the journal and frees the data folder. */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.epoch += 1;
    if (this.lockFile) fs.rmSync(this.lockFile, { force: true });
    this.lockFile = null;
  }
}

/** The snapshot's first line: journals from generation `next` on follow it. */
export function snapshotHeader(next: number): string {
  return JSON.stringify({ t: 'snapshot', next });
}

/**
 * The snapshot's text in slices of about 32 KB (a few milliseconds of encoding each, so that
 * requests are served in between): header first, then one `put` per document.
 */
function* snapshotChunks(source: SnapshotSource, next: number): Generator<string> {
  let chunk = snapshotHeader(next) + '\n';
  for (const [name, docs] of source) {
    for (const doc of docs) {
      chunk += encodeRecord({ t: 'put', c: name, d: doc }) + '\n';
      if (chunk.length >= SLICE_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}
