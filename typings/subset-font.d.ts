/** subset-font 2.x (harfbuzz hb-subset in wasm): the one call the documents function makes. */
declare module 'subset-font' {
  function subsetFont(
    font: Buffer,
    text: string,
    options?: {
      targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
      /** Four-letter table tags to leave out (`GSUB`, `GPOS`, …). */
      dropTables?: string[];
    },
  ): Promise<Buffer>;
  export default subsetFont;
}
