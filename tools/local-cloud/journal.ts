import fs from 'node:fs';
import path from 'node:path';
import type { DocPatch } from './document-diff';
import { isDate } from './document-values';

/** One stored document: a plain object whose `_id` is a string. */
export type StoredDoc = Record<string, unknown> & { _id: string };

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
 * (the database rejects them), so the tag cannot collide with user data.
 */
export function encodeRecord(record: JournalRecord): string {
  return JSON.stringify(record, function (this: Record<string, unknown>, key: string, value) {
    const original = this[key];
    return isDate(original) ? { $date: original.toISOString() } : value;
  });
}

export function decodeRecord(line: string): JournalRecord {
  return JSON.parse(line, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as { $date?: unknown };
      if (typeof tagged.$date === 'string' && Object.keys(value).length === 1) {
        return new Date(tagged.$date);
      }
    }
    return value;
  }) as JournalRecord;
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

/**
 * Append-only journal of every acknowledged write (DESIGN §5 persistence).
 *
 * Appends are synchronous and fdatasync'ed before they return, so a write the database has
 * acknowledged survives `kill -9`. At start the journal is replayed and compacted (rewritten as
 * one `put` per live document, via a temp file and an atomic rename); between starts an update
 * appends only what it changed.
 */
export class Journal {
  private fd: number | null = null;
  private lockFile: string | null = null;
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = path.join(dir, JOURNAL_FILE);
  }

  /** Replays the journal into `apply`, then compacts it to `snapshot()` and opens it for appends. */
  open(apply: (op: JournalEntry) => void, snapshot: () => Iterable<JournalOp>): void {
    fs.mkdirSync(this.dir, { recursive: true });
    this.lockFile = lock(this.dir);
    if (fs.existsSync(this.file)) {
      const lines = fs.readFileSync(this.file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        let record: JournalRecord;
        try {
          record = decodeRecord(line);
        } catch (error) {
          // Only the last line can be torn by a crash, and it was never acknowledged.
          const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '');
          if (isLast) return;
          throw new Error(`journal ${this.file} is corrupt at line ${index + 1}: ${String(error)}`);
        }
        if (record.t === 'batch') record.ops.forEach(apply);
        else apply(record);
      });
    }
    this.compact(snapshot());
  }

  private compact(ops: Iterable<JournalOp>): void {
    const temp = `${this.file}.compact`;
    const fd = fs.openSync(temp, 'w');
    try {
      let chunk: string[] = [];
      for (const op of ops) {
        chunk.push(encodeRecord(op));
        if (chunk.length >= 1000) {
          fs.writeSync(fd, chunk.join('\n') + '\n');
          chunk = [];
        }
      }
      if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.file);
    fsyncDir(this.dir);
    this.fd = fs.openSync(this.file, 'a');
  }

  /** Appends one record and waits for the disk: only then may the write be acknowledged. */
  append(record: JournalRecord): void {
    if (this.fd === null) throw new Error('journal is not open');
    fs.writeSync(this.fd, encodeRecord(record) + '\n');
    fs.fdatasyncSync(this.fd);
  }

  /** Empties the journal (reset). */
  truncate(): void {
    if (this.fd === null) throw new Error('journal is not open');
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
  }

  /** Closes the journal; given the live documents, leaves it compacted (one `put` each). */
  close(snapshot?: () => Iterable<JournalOp>): void {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
      if (snapshot) {
        this.compact(snapshot());
        if (this.fd !== null) fs.closeSync(this.fd);
      }
    }
    this.fd = null;
    if (this.lockFile) fs.rmSync(this.lockFile, { force: true });
    this.lockFile = null;
  }
}
