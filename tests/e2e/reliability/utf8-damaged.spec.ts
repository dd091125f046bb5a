/**
 * Issue 24, item 5: one bad byte sequence in an otherwise UTF-8 file names its line; the file is not
 * read as GB18030 (which garbled every Chinese header, so nothing was mapped).
 */
import { expect, test } from '@playwright/test';
import { ImportPage } from '../pages/import-page';

test('a UTF-8 file with one damaged line names the line and keeps its Chinese headers readable', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Customers');
  const buffer = Buffer.concat([
    Buffer.from('客户编号,客户名称,联系人\nC001,深圳市华强电子有限公司,李伟\nC002,杭州', 'utf8'),
    Buffer.from([0xff]),
    Buffer.from('茶业,王芳\nC003,Acme Trading Ltd,John Smith\n', 'utf8'),
  ]);
  await io.chooseFile({ name: 'one-bad-byte.csv', mimeType: 'text/csv', buffer });
  await expect(io.encoding()).toHaveValue('utf-8');
  await expect(io.wizard().getByRole('alert').first()).toHaveText(
    'Line 3 holds bytes that are not valid UTF-8, while the rest of the file is UTF-8. Fix that line in the file (for example retype its text) and choose the file again.',
  );
  await expect(io.wizard().getByText('the text is UTF-8, except for one damaged line')).toBeVisible();
  await expect(io.mappingFor('客户名称')).toHaveValue('name');
  await io.wizard().screenshot({ path: '/work/shots/safety/utf8-damaged-line.png' });
});
