/**
 * The documents function's font: Noto Sans SC (from npm, @expo-google-fonts/noto-sans-sc) cut
 * down at build time with harfbuzz (subset-font) to every character of GBK — names use rare
 * characters — plus ASCII. Written beside the function (`cloudfunctions/documents/fonts/`,
 * ignored by git) so that it is uploaded with it; rebuilt only when the source font changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const root = join(__dirname, '..', '..');
export const SOURCE_FONT = join(
  root,
  'node_modules',
  '@expo-google-fonts',
  'noto-sans-sc',
  '400Regular',
  'NotoSansSC_400Regular.ttf',
);
export const GBK_FONT = join(root, 'cloudfunctions', 'documents', 'fonts', 'noto-sans-sc-gbk.ttf');

/**
 * Layout tables dropped: ligatures and alternates (GSUB) would turn `ff` in a hash into one
 * glyph that text extraction cannot map back, and documents set plain horizontal text only.
 */
export const DROPPED = ['GSUB', 'GPOS'] as const;

/** Every character GBK encodes (two-byte codes 0x81–0xFE × 0x40–0xFE, but 0x7F), and ASCII. */
export function gbkCharacters(): string {
  const decoder = new TextDecoder('gbk');
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c += 1) chars.add(String.fromCharCode(c));
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.from([lead, trail]));
      if (char.length === 1 && char !== '\ufffd') chars.add(char);
    }
  }
  return [...chars].join('');
}

export async function buildGbkFont(): Promise<{ file: string; bytes: number; built: boolean }> {
  const source = readFileSync(SOURCE_FONT);
  const stamp = createHash('sha256').update(source).update(DROPPED.join(',')).digest('hex');
  const stampFile = `${GBK_FONT}.stamp`;
  if (existsSync(GBK_FONT) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return { file: GBK_FONT, bytes: readFileSync(GBK_FONT).length, built: false };
  }
  const subset = await subsetFont(source, gbkCharacters(), {
    targetFormat: 'truetype',
    dropTables: [...DROPPED],
  });
  await mkdir(dirname(GBK_FONT), { recursive: true });
  await writeFile(GBK_FONT, subset);
  await writeFile(stampFile, stamp);
  return { file: GBK_FONT, bytes: subset.length, built: true };
}
