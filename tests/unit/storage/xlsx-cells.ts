/**
 * Just enough of an .xlsx reader to see what a spreadsheet program made of our CSV: the cells of the
 * first sheet with their type (`text`, `number`, `bool`, `error`) and whether they hold a formula.
 * Reads the zip with fflate and the two XML parts with regular expressions (LibreOffice's output is
 * regular: shared strings in `xl/sharedStrings.xml`, cells as `<c r="B2" t="s"><v>3</v></c>`).
 */
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
  type: 'text' | 'number' | 'bool' | 'error';
  /** The text of a text cell; the stored value of any other. */
  value: string;
  formula: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities, character references and OOXML's `_x0009_` escapes. */
function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTITIES[e] ?? ''),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of an `<si>` or `<is>` element: its `<t>` runs joined. */
function runs(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((m) => xmlText(m[1] ?? ''))
    .join('');
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** The first sheet's rows, each an array of cells by column (missing cells undefined). */
export function readXlsx(bytes: Uint8Array): (XlsxCell | undefined)[][] {
  const files = unzipSync(bytes);
  const shared = files['xl/sharedStrings.xml'];
  const strings = shared
    ? [...strFromU8(shared).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runs(m[1] ?? ''))
    : [];
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('The .xlsx file has no first sheet.');
  const rows: (XlsxCell | undefined)[][] = [];
  for (const row of strFromU8(sheet).matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells: (XlsxCell | undefined)[] = [];
    for (const c of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? 'A1';
      const t = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = xmlText(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      const formula = /<f\b/.test(body);
      const cell: XlsxCell =
        t === 's'
          ? { type: 'text', value: strings[Number(v)] ?? '', formula }
          : t === 'inlineStr'
            ? { type: 'text', value: runs(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? ''), formula }
            : t === 'str'
              ? { type: 'text', value: v, formula }
              : { type: t === 'b' ? 'bool' : t === 'e' ? 'error' : 'number', value: v, formula };
      cells[columnIndex(ref)] = cell;
    }
    rows.push(cells);
  }
  return rows;
}
