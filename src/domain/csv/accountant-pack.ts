/**
 * The accountant pack (DESIGN.md §1, §4): what the accountant needs from the period, as CSV tables.
 *
 * - customers: code, name, tax ID, address of every live customer;
 * - won deals whose close date lies in the period (inclusive), with customer code, name and tax ID;
 * - open receivables: every live won deal (any date) with an outstanding balance = amount − paid > 0,
 *   and its days overdue on `today` (0 when not yet due or without a due date);
 * - period totals: deal count, revenue, cost of goods, collected and outstanding of the period's won
 *   deals, plus the total of open receivables — summed in integer cents, so they add up to the cent
 *   with the rows of the other files.
 *
 * Money is written with two decimals as numbers, dates as ISO dates; codes, order numbers and tax IDs as
 * text that Excel and WPS keep as typed (write.ts, sanitise.ts); headers in a UI language.
 */
import { formatMinorUnits } from '../money';
import { compareText } from '../text/order';
import type { Customer, Deal } from '../types';
import type { HeaderLanguage } from './fields';
import { dateCell, numberCell, writeCsv, type CsvCell } from './write';

export interface PackInput {
  customers: readonly Customer[];
  deals: readonly Deal[];
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  today: string;
  language: HeaderLanguage;
}

export interface PackFile {
  name: string;
  csv: string;
  rows: number;
}

type Labels = readonly [string, string, string];
const L: Record<string, Labels> = {
  code: ['Customer code', '客户编号', '客戶編號'],
  name: ['Customer', '客户名称', '客戶名稱'],
  taxId: ['Tax ID', '税号', '稅號'],
  address: ['Address', '地址', '地址'],
  order: ['Order no.', '订单号', '訂單號'],
  closeDate: ['Close date', '下单日期', '下單日期'],
  dueDate: ['Due date', '到期日', '到期日'],
  amount: ['Amount', '金额', '金額'],
  cost: ['Cost', '成本', '成本'],
  paid: ['Paid', '已收款', '已收款'],
  outstanding: ['Outstanding', '未收款', '未收款'],
  overdue: ['Days overdue', '逾期天数', '逾期天數'],
  item: ['Item', '项目', '項目'],
  value: ['Value', '数值', '數值'],
  period: ['Period', '期间', '期間'],
  count: ['Won deals', '赢单笔数', '贏單筆數'],
  revenue: ['Revenue', '收入', '收入'],
  openTotal: ['Open receivables (all periods)', '未结应收合计（全部期间）', '未結應收合計（全部期間）'],
};
const INDEX: Record<HeaderLanguage, 0 | 1 | 2> = { en: 0, 'zh-CN': 1, 'zh-TW': 2 };

const money = (minor: number): CsvCell => numberCell(formatMinorUnits(minor));

/** Whole days from ISO `a` to ISO `b` (b − a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Days overdue of a receivable on `today`: 0 without a due date or before it. */
export function daysOverdue(dueDate: string, today: string): number {
  return dueDate === '' ? 0 : Math.max(0, daysBetween(dueDate, today));
}

/** The four CSV files of the pack, in order. */
export function composeAccountantPack(input: PackInput): PackFile[] {
  const h = (key: string): string => (L[key] as Labels)[INDEX[input.language]];
  const customers = input.customers.filter((c) => c.deletedAt === null);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const won = input.deals.filter((d) => d.deletedAt === null && d.stage === 'won');
  const inPeriod = won
    .filter((d) => d.closeDate !== '' && d.closeDate >= input.from && d.closeDate <= input.to)
    .sort((a, b) => a.closeDate.localeCompare(b.closeDate) || a.code.localeCompare(b.code));
  const open = won
    .filter((d) => d.amount - d.paidAmount > 0)
    .sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999') || a.code.localeCompare(b.code));
  const who = (d: Deal) => byId.get(d.customerId);

  const customerRows = customers
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code) || compareText(a.name, b.name))
    .map((c): CsvCell[] => [c.code, c.name, c.taxId, c.address]);
  const dealRows = inPeriod.map((d): CsvCell[] => [
    d.code,
    who(d)?.code ?? '',
    who(d)?.name ?? '',
    who(d)?.taxId ?? '',
    dateCell(d.closeDate),
    money(d.amount),
    money(d.cost),
    money(d.paidAmount),
  ]);
  const openRows = open.map((d): CsvCell[] => [
    d.code,
    who(d)?.code ?? '',
    who(d)?.name ?? '',
    dateCell(d.dueDate),
    money(d.amount),
    money(d.paidAmount),
    money(d.amount - d.paidAmount),
    numberCell(daysOverdue(d.dueDate, input.today)),
  ]);
  const sum = (list: readonly Deal[], f: (d: Deal) => number) => list.reduce((s, d) => s + f(d), 0);
  const totals: CsvCell[][] = [
    [h('period'), `${input.from} – ${input.to}`],
    [h('count'), numberCell(inPeriod.length)],
    [h('revenue'), money(sum(inPeriod, (d) => d.amount))],
    [h('cost'), money(sum(inPeriod, (d) => d.cost))],
    [h('paid'), money(sum(inPeriod, (d) => d.paidAmount))],
    [h('outstanding'), money(sum(inPeriod, (d) => Math.max(0, d.amount - d.paidAmount)))],
    [h('openTotal'), money(sum(open, (d) => d.amount - d.paidAmount))],
  ];
  return [
    {
      name: 'customers.csv',
      csv: writeCsv(['code', 'name', 'taxId', 'address'].map(h), customerRows),
      rows: customerRows.length,
    },
    {
      name: 'won-deals.csv',
      csv: writeCsv(
        ['order', 'code', 'name', 'taxId', 'closeDate', 'amount', 'cost', 'paid'].map(h),
        dealRows,
      ),
      rows: dealRows.length,
    },
    {
      name: 'receivables.csv',
      csv: writeCsv(
        ['order', 'code', 'name', 'dueDate', 'amount', 'paid', 'outstanding', 'overdue'].map(h),
        openRows,
      ),
      rows: openRows.length,
    },
    { name: 'totals.csv', csv: writeCsv([h('item'), h('value')], totals), rows: totals.length },
  ];
}
