/** One file of an archive: its path inside it and its bytes. */
export interface ArchiveEntry {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Packs files into one ZIP (the export for arbitration). */
export interface ArchiveWriter {
  zip(entries: readonly ArchiveEntry[]): Uint8Array;
}
