import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import type {
  DocumentRenderer,
  PaperDocument,
  VerifyImage,
} from '../app/ports/document-renderer.port';

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;
const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.4, 0.4, 0.4);

/**
 * Where the name line sits on page 1, from the top-left corner in points: the rendering test
 * rasterises this band and expects ink in it (a blank band means the CJK glyphs are broken).
 */
export const NAME_BAND = { top: 96, height: 28, size: 14 } as const;

interface Cursor {
  page: PDFPage;
  /** Distance from the top of the page to the next line's top. */
  y: number;
}

/** Greedy wrapping, one character at a time: Chinese has no spaces, hashes no break points. */
export function wrapLine(text: string, width: number, measure: (s: string) => number): string[] {
  if (text === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const char of Array.from(text)) {
    if (line !== '' && measure(line + char) > width) {
      lines.push(line);
      line = char;
    } else {
      line += char;
    }
  }
  lines.push(line);
  return lines;
}

/** Every character the document draws, so the font can be cut down to exactly those. */
function charactersOf(doc: PaperDocument): string {
  const texts = [
    doc.title,
    doc.body,
    doc.nameLine,
    doc.signature?.caption ?? '',
    doc.seal?.caption ?? '',
    ...doc.footer,
    doc.verify.code,
    doc.verify.hint,
    '核验码第页共／',
    '0123456789',
  ];
  if (doc.auditTrail) {
    texts.push(doc.auditTrail.heading, '事件哈希IP：#—（）');
    for (const [label, value] of doc.auditTrail.facts) texts.push(label, value);
    for (const row of doc.auditTrail.events) {
      texts.push(String(row.seq), row.at, row.what, row.who, row.clientIp ?? '', row.hash);
    }
  }
  return [...new Set(Array.from(texts.join('')))].filter((c) => c >= ' ').join('');
}

async function embedImage(pdf: PDFDocument, image: VerifyImage): Promise<PDFImage> {
  return /jpe?g/i.test(image.contentType) ? pdf.embedJpg(image.bytes) : pdf.embedPng(image.bytes);
}

/**
 * Sets a paper document in type with pdf-lib. pdf-lib's own `subset: true` with fontkit breaks
 * CJK glyphs (they extract as text but render blank), so the font is cut down beforehand with
 * harfbuzz (`subset-font`) to the characters this document uses, and embedded whole.
 *
 * `gbkFont` is the build's subset of Noto Sans SC covering GBK (cloudfunctions/documents/fonts/).
 */
export function pdfDocumentRenderer(gbkFont: Uint8Array): DocumentRenderer {
  const source = Buffer.from(gbkFont.buffer, gbkFont.byteOffset, gbkFont.byteLength);
  return {
    async render(doc) {
      // No layout tables: a ligature (`ff` in a hash) would extract as nothing.
      // Loaded on the first render (harfbuzz in wasm), not at the function's cold start.
      const { default: subsetFont } = await import('subset-font');
      const fontBytes = await subsetFont(source, charactersOf(doc), {
        targetFormat: 'truetype',
        dropTables: ['GSUB', 'GPOS'],
      });
      // No automatic dates: the same document renders to the same bytes, and so the same hash.
      const pdf = await PDFDocument.create({ updateMetadata: false });
      pdf.registerFontkit(fontkit);
      const font = await pdf.embedFont(fontBytes, { subset: false });
      pdf.setTitle(doc.title);
      pdf.setCreator('离职通');
      pdf.setProducer('离职通 pdf-lib');

      const first = pdf.addPage([PAGE.width, PAGE.height]);
      const cursor: Cursor = { page: first, y: 56 };
      const newPage = () => {
        cursor.page = pdf.addPage([PAGE.width, PAGE.height]);
        cursor.y = MARGIN;
      };
      const write = (
        text: string,
        size: number,
        options: { f?: PDFFont; x?: number; width?: number; color?: typeof INK; gap?: number } = {},
      ) => {
        const x = options.x ?? MARGIN;
        const width = options.width ?? TEXT_WIDTH;
        const leading = size * 1.6;
        for (const line of wrapLine(text, width, (s) => font.widthOfTextAtSize(s, size))) {
          if (cursor.y + leading > PAGE.height - MARGIN) newPage();
          cursor.page.drawText(line, {
            x,
            y: PAGE.height - cursor.y - size,
            size,
            font,
            color: options.color ?? INK,
          });
          cursor.y += leading;
        }
        cursor.y += options.gap ?? 0;
      };

      // Page 1: title, the name band, the stored text, the signature, the small print.
      const titleWidth = font.widthOfTextAtSize(doc.title, 20);
      first.drawText(doc.title, {
        x: (PAGE.width - titleWidth) / 2,
        y: PAGE.height - 56 - 20,
        size: 20,
        font,
        color: INK,
      });
      first.drawText(doc.nameLine, {
        x: MARGIN,
        y: PAGE.height - NAME_BAND.top - NAME_BAND.size - 6,
        size: NAME_BAND.size,
        font,
        color: INK,
      });
      cursor.y = NAME_BAND.top + NAME_BAND.height + 12;
      for (const paragraph of doc.body.split('\n')) write(paragraph, 11);

      for (const picture of [doc.signature, doc.seal]) {
        if (!picture) continue;
        const isPng = picture.png[0] === 0x89 && picture.png[1] === 0x50;
        const image = isPng ? await pdf.embedPng(picture.png) : await pdf.embedJpg(picture.png);
        const scale = Math.min(1, 160 / image.width, 80 / image.height);
        const height = image.height * scale;
        if (cursor.y + height + 30 > PAGE.height - MARGIN) newPage();
        cursor.y += 8;
        cursor.page.drawImage(image, {
          x: MARGIN,
          y: PAGE.height - cursor.y - height,
          width: image.width * scale,
          height,
        });
        cursor.y += height + 4;
        write(picture.caption, 9, { color: GREY, gap: 6 });
      }
      cursor.y += 12;
      for (const line of doc.footer) write(line, 8, { color: GREY });
      write(`核验码：${doc.verify.code}`, 8, { color: GREY });

      // The audit trail: facts, then every event with its actor, time, IP and hash.
      const trail = doc.auditTrail;
      if (trail) newPage();
      const qrSize = 96;
      const qrPage = cursor.page;
      const qrTop = cursor.y;
      if (doc.verify.qr) {
        const qr = await embedImage(pdf, doc.verify.qr);
        qrPage.drawImage(qr, {
          x: PAGE.width - MARGIN - qrSize,
          y: PAGE.height - qrTop - qrSize,
          width: qrSize,
          height: qrSize,
        });
      }
      const besideQr = TEXT_WIDTH - qrSize - 12;
      if (trail) write(trail.heading, 16, { gap: 4, width: besideQr });
      write(`核验码：${doc.verify.code}`, 9, { width: besideQr });
      write(doc.verify.hint, 8, { color: GREY, width: besideQr, gap: 8 });
      if (cursor.page === qrPage && cursor.y < qrTop + qrSize + 8) cursor.y = qrTop + qrSize + 8;
      if (trail) {
        for (const [label, value] of trail.facts) {
          write(label, 8, { color: GREY });
          write(value, 8, { x: MARGIN + 12, width: TEXT_WIDTH - 12, gap: 2 });
        }
        cursor.y += 8;
        for (const row of trail.events) {
          const ip = row.clientIp ? `  IP ${row.clientIp}` : '';
          write(`#${row.seq}  ${row.at}  ${row.what} — ${row.who}${ip}`, 8);
          write(`事件哈希 ${row.hash}`, 7, { x: MARGIN + 12, width: TEXT_WIDTH - 12, color: GREY });
          cursor.y += 3;
        }
      }
      const pages = pdf.getPages();
      pages.forEach((page, index) => {
        const text = `第 ${index + 1} 页／共 ${pages.length} 页`;
        page.drawText(text, {
          x: PAGE.width - MARGIN - font.widthOfTextAtSize(text, 8),
          y: 28,
          size: 8,
          font,
          color: GREY,
        });
      });
      return pdf.save();
    },
  };
}
