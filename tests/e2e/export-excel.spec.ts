import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ImportPage } from './pages/import-page';
import { SheetsPage } from './pages/sheets-page';

const SHOTS = '/work/shots/excel-safe';

/** A customer list as an owner brings it: identifiers Excel damages, choices as keys, a formula. */
const OWNER_FILE = [
  'Customer code,Name,Tax ID,Licence no.,Phone,Relationship,Do not contact,Loyalty types',
  '00123,深圳市华强电子有限公司,914501031896228492,450103000123456,0771-5551234,partner,FALSE,price;habit',
  'C-002,"=HYPERLINK(""http://evil.example"")",91450103MA5KXXXX0Y,0045012345678,+86 138 0013 8000,basic,TRUE,',
  '1E5, =1+1,914403007152672600,000123,+8613800138000,,FALSE,',
  '',
].join('\r\n');

test('a Chinese export writes choices in words and identifiers as text, and imports back unchanged', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Customers');
  await io.chooseFile({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(OWNER_FILE) });
  await io.check();
  await expect(io.summary()).toHaveText('3 new, 0 updated, 0 unchanged, 0 rejected');
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');

  // The owner works in Chinese and exports the Customers sheet for old Chinese Excel (GBK).
  await io.app.languageSelect().selectOption('zh-CN');
  const panel = page.getByRole('region', { name: '导出' });
  await panel.getByLabel('表格', { exact: true }).selectOption({ label: '客户' });
  await panel.getByLabel('编码', { exact: true }).selectOption({ label: 'GBK（旧版中文 Excel）' });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: '下载 CSV' }).click();
  const file = await download;
  const bytes = readFileSync((await file.path()) ?? '');
  await expect(page.getByText('已导出 3 行。')).toBeVisible();

  const lines = new TextDecoder('gbk').decode(bytes).split('\r\n');
  expect(lines[0]).toBe(
    '客户编号,客户名称,税号,营业执照号,联系人,电话,邮箱,地址,地区,行业,负责人,关系类型,钱包估算,请勿联系,忠诚类型,战略重要性,备注',
  );
  // Each identifier behind one tab (Excel keeps it as text), choices in words, formulas guarded.
  expect(lines).toContain(
    '\t00123,深圳市华强电子有限公司,\t914501031896228492,\t450103000123456,,\t0771-5551234,,,,,,伙伴型,,否,价格型、习惯型,,',
  );
  expect(lines).toContain(
    `C-002,"'=HYPERLINK(""http://evil.example"")",91450103MA5KXXXX0Y,\t0045012345678,,\t+86 138 0013 8000,,,,,,基本型,,是,,,`,
  );
  expect(lines).toContain(`\t1E5,' =1+1,\t914403007152672600,\t000123,,\t+8613800138000,,,,,,,,否,,,`);

  // Read back in English: the Chinese words and the tabs give the very same customers.
  await io.app.languageSelect().selectOption('en');
  await io.chooseTable('Customers');
  await io.chooseFile({ name: 'kehu-customers.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(io.encoding()).toHaveValue('gb18030');
  await expect(io.mappingFor('关系类型')).toHaveValue('relationshipType');
  await expect(io.preview()).toContainText('914501031896228492');
  await io.check();
  await expect(io.summary()).toHaveText('0 new, 0 updated, 3 unchanged, 0 rejected');
  await page.screenshot({ path: `${SHOTS}/reimport-chinese-export.png`, fullPage: true });

  const sheets = new SheetsPage(page);
  await io.app.nav('Sheets').click();
  const taxId = await sheets.cellInRowWith('深圳市华强电子有限公司', 'taxId');
  await expect(taxId).toHaveText('914501031896228492');
  await expect(await sheets.cellInRowWith('深圳市华强电子有限公司', 'code')).toHaveText('00123');
  await page.screenshot({ path: `${SHOTS}/customers-after-roundtrip.png` });
});
