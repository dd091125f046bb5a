/**
 * The exported CSV files as a real spreadsheet program reads them (issue 22 item 6, issue 24).
 *
 * Customers and deals with identifiers Excel and WPS would damage — 18-digit tax IDs, licence numbers,
 * phones with a leading 0 or +86, codes like 00123, 1E5 and 3-4 — and names that are formulas (plain,
 * behind blanks, full-width) are exported in UTF-8 with BOM and in GBK, then opened with LibreOffice
 * Calc in headless mode (`soffice --convert-to xlsx`, CSV filter with the file's encoding). Read back
 * from the .xlsx: every identifier is a text cell holding the exact string behind the one keep-as-text
 * tab (sanitise.ts), no cell is a formula, and no text starts with = + - @ (or their full-width forms)
 * unguarded. Calc then saves each sheet as CSV again, and Kehu's importer reads that file back to the
 * exact stored strings.
 *
 * Calc is slow to start and runs one instance per profile: each run uses its own profile directory.
 * Without `soffice` the test is skipped with a message, except under CI=true, where it must run.
 */
import './helpers';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createRowConverter } from '../../../src/domain/csv/convert';
import { readCsv } from '../../../src/domain/csv/inspect';
import { exportTable, type ExportEncoding } from '../../../src/storage/export';
import { repos } from '../../../src/storage/repos';
import { freshDb } from './helpers';
import { readXlsx, type XlsxCell } from './xlsx-cells';

const SOFFICE = process.env.KEHU_SOFFICE ?? 'soffice';
const hasSoffice = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' }).status === 0;
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (!hasSoffice && !ci)
  console.warn(
    'libreoffice-roundtrip: skipped, LibreOffice (soffice) is not installed. Install libreoffice-calc-nogui to run it; under CI=true it always runs.',
  );

/** LibreOffice's numbers for the CSV filter's character set (rtl/textenc.h). */
const CHARSET: Record<ExportEncoding, number> = { 'utf-8-bom': 76, gbk: 67 };

const CUSTOMERS = [
  {
    code: '00123',
    name: '深圳市华强电子有限公司',
    taxId: '914501031896228492',
    licenceNo: '450103000123456',
    phone: '0771-5551234',
    relationshipType: 'partner',
  },
  {
    code: 'C-002',
    name: '=HYPERLINK("http://evil.example","点我")',
    taxId: '91450103MA5KXXXX0Y',
    licenceNo: '0045012345678',
    phone: '+86 138 0013 8000',
    relationshipType: 'basic',
  },
  {
    code: '1E5',
    name: ' =1+1',
    taxId: '914403007152672600',
    licenceNo: '000123',
    phone: '+8613800138000',
    doNotContact: true,
  },
  { code: '3-4', name: '＝SUM(A1)', taxId: '000000000000000001', licenceNo: '1/2', phone: '13800138000' },
  { code: '000000012345678', name: '\u3000@SUM(1)', taxId: '', licenceNo: '', phone: '07715551234' },
  { code: 'JUN-2024', name: '-10', taxId: '0', licenceNo: '12:30', phone: '(0771) 555 1234' },
  { code: '20240105', name: '\n+1', taxId: '2024-01-05', licenceNo: '5%', phone: '-1 555 0100' },
] as const;

const DEALS = [
  { code: '000456', customer: 0, title: '电阻 10K', stage: 'won', amount: 123450 },
  { code: '20240105000123456', customer: 1, title: '+cmd|/c calc', stage: 'lost', amount: 99 },
  { code: '1E10', customer: 2, title: '＠import', stage: 'negotiation', amount: 0 },
  { code: '3-4', customer: 3, title: '\t=1', stage: 'won', amount: 500 },
] as const;

const IDENTIFIERS = {
  customers: ['code', 'taxId', 'licenceNo', 'phone'],
  deals: ['code', 'customerCode'],
} as const;
/** What a spreadsheet may skip before a formula sign, and the signs, ASCII and full-width. */
const UNGUARDED = /^[\s\u00a0\u200b-\u200f\u3000\ufeff]*[=+\-@＝＋－＠]/;
/** A tab and then only digits and number punctuation: no function, reference or DDE call. */
const NUMBER_AFTER_TAB = /^\t[0-9+\-() .,:/%Ee]+$/;

const work = mkdtempSync(join(tmpdir(), 'kehu-lo-'));
afterAll(() => (process.env.KEHU_KEEP_LO ? undefined : rmSync(work, { recursive: true, force: true })));

/** Converts CSV files with Calc into `format` (its own profile; the CSV filter reads `charset`). */
function soffice(files: string[], format: string, charset: number | null, profile: string): number {
  const started = performance.now();
  const args = [
    `-env:UserInstallation=${pathToFileURL(join(work, profile)).href}`,
    '--headless',
    '--norestore',
    ...(charset === null ? [] : [`--infilter=CSV:44,34,${charset},1`]),
    '--convert-to',
    format,
    '--outdir',
    join(work, 'out'),
    ...files,
  ];
  execFileSync(SOFFICE, args, { stdio: 'pipe', timeout: 120_000 });
  return performance.now() - started;
}

async function exportBook() {
  const db = freshDb();
  const r = repos(db);
  const customers = [];
  // The notes say which sample a row is: the export writes rows in storage (id) order.
  for (const [i, c] of CUSTOMERS.entries())
    customers.push(await r.customers.create({ ...c, notes: `样本 ${i}` }));
  for (const [i, d] of DEALS.entries()) {
    const { customer, ...fields } = d;
    await r.deals.create({
      ...fields,
      customerId: customers[customer]?.id ?? '',
      closeDate: '2024-01-05',
      notes: `样本 ${i}`,
    });
  }
  return db;
}

/** The text of a cell as a person sees it and the importer reads it: without the keep-as-text tab. */
function shown(cell: XlsxCell | undefined): string {
  return (cell?.value ?? '').replace(/^\t/, '');
}

describe.skipIf(!hasSoffice && !ci)('exports opened in LibreOffice Calc', () => {
  it('keep every identifier as its exact text and run no formula, in UTF-8 with BOM and in GBK', async () => {
    if (!hasSoffice) throw new Error(`CI=true but LibreOffice (${SOFFICE}) is not installed: see .ci/run.`);
    const db = await exportBook();
    const files: Record<string, string> = {};
    for (const encoding of ['utf-8-bom', 'gbk'] as const)
      for (const table of ['customers', 'deals'] as const) {
        const file = await exportTable(db, table, { language: 'zh-CN', encoding });
        expect(file.unmappable).toBe(0);
        const path = join(work, `${table}-${encoding}.csv`);
        writeFileSync(path, file.bytes);
        files[`${table}-${encoding}`] = path;
      }

    const timings: string[] = [];
    for (const encoding of ['utf-8-bom', 'gbk'] as const) {
      const ms = soffice(
        [files[`customers-${encoding}`] ?? '', files[`deals-${encoding}`] ?? ''],
        'xlsx',
        CHARSET[encoding],
        `profile-${encoding}`,
      );
      timings.push(`${encoding} → xlsx ${Math.round(ms)} ms`);
    }
    const xlsxFiles = Object.keys(files).map((name) => join(work, 'out', `${name}.xlsx`));
    // Calc saves each sheet as CSV again (UTF-8), which Kehu imports below.
    const ms = soffice(xlsxFiles, 'csv:Text - txt - csv (StarCalc):44,34,76,1', null, 'profile-csv');
    timings.push(`xlsx → csv ${Math.round(ms)} ms`);
    console.info(`LibreOffice ${timings.join(', ')}`);

    for (const name of Object.keys(files)) {
      const table = name.startsWith('customers') ? 'customers' : 'deals';
      const rows = readXlsx(readFileSync(join(work, 'out', `${name}.xlsx`)));
      const header = (rows[0] ?? []).map((c) => c?.value ?? '');
      const column = (label: string) => header.indexOf(label);
      const sample = (row: (XlsxCell | undefined)[]) => Number(row[column('备注')]?.value.slice(3));
      const body = rows.slice(1).sort((a, b) => sample(a) - sample(b));
      expect(body, name).toHaveLength(table === 'customers' ? CUSTOMERS.length : DEALS.length);

      // No cell is a formula; no text starts with a formula sign unguarded.
      for (const row of rows)
        for (const cell of row) {
          if (!cell) continue;
          expect(cell.formula, `${name}: ${cell.value}`).toBe(false);
          if (cell.type === 'text' && UNGUARDED.test(cell.value))
            expect(
              cell.value.startsWith("'") || NUMBER_AFTER_TAB.test(cell.value),
              `${name}: ${cell.value}`,
            ).toBe(true);
        }

      // Identifiers: text cells, exactly the stored string behind the one tab.
      const labels: Record<string, string> =
        table === 'customers'
          ? { code: '客户编号', taxId: '税号', licenceNo: '营业执照号', phone: '电话' }
          : { code: '订单号', customerCode: '客户编号' };
      const expected =
        table === 'customers'
          ? CUSTOMERS.map((c) => ({ code: c.code, taxId: c.taxId, licenceNo: c.licenceNo, phone: c.phone }))
          : DEALS.map((d) => ({ code: d.code, customerCode: CUSTOMERS[d.customer]?.code ?? '' }));
      const byKey = (row: (XlsxCell | undefined)[], key: string) => row[column(labels[key] ?? '')];
      for (const [i, row] of body.entries()) {
        const want = expected[i] as Record<string, string>;
        for (const key of IDENTIFIERS[table]) {
          const cell = byKey(row, key);
          if (want[key] === '') {
            expect(cell?.value ?? '', `${name} row ${i + 2} ${key}`).toBe('');
            continue;
          }
          expect(cell?.type, `${name} row ${i + 2} ${key}: ${cell?.value}`).toBe('text');
          expect(shown(cell), `${name} row ${i + 2} ${key}`).toBe(want[key]);
        }
      }

      // Choices in words, names guarded and otherwise exact.
      if (table === 'customers') {
        expect(body[0]?.[column('关系类型')]?.value).toBe('伙伴型');
        expect(body[2]?.[column('请勿联系')]?.value).toBe('是');
        expect(body.map((row) => row[column('客户名称')]?.value)).toEqual([
          '深圳市华强电子有限公司',
          `'=HYPERLINK("http://evil.example","点我")`,
          "' =1+1",
          "'＝SUM(A1)",
          "'\u3000@SUM(1)",
          '\t-10',
          "'\n+1",
        ]);
      } else {
        expect(body.map((row) => row[column('阶段')]?.value)).toEqual(['成交', '丢单', '谈判中', '成交']);
        expect(body[0]?.[column('金额')]).toEqual({ type: 'number', value: '1234.5', formula: false });
      }

      // Calc's own CSV of the sheet, imported by Kehu: every text field comes back exactly.
      const { inspection, records } = readCsv(readFileSync(join(work, 'out', `${name}.csv`)), table);
      const convert = createRowConverter({ ...inspection, table, decimalComma: false });
      const back = records
        .map((record, i) => convert(record, i + 2))
        .sort((a, b) => String(a.fields.notes).localeCompare(String(b.fields.notes)));
      expect(back.flatMap((b) => b.problems.filter((p) => p.severity === 'error'))).toEqual([]);
      if (table === 'customers')
        expect(back.map((b) => b.fields)).toEqual(
          CUSTOMERS.map((c) =>
            expect.objectContaining({
              ...c,
              relationshipType: 'relationshipType' in c ? c.relationshipType : '',
              doNotContact: 'doNotContact' in c ? c.doNotContact : false,
            }),
          ),
        );
      else
        expect(
          back.map((b) => ({
            code: b.fields.code,
            title: b.fields.title,
            stage: b.fields.stage,
            customer: b.links.customerCode,
          })),
        ).toEqual(
          DEALS.map((d) => ({
            code: d.code,
            title: d.title,
            stage: d.stage,
            customer: CUSTOMERS[d.customer]?.code,
          })),
        );
    }
  }, 240_000);
});
