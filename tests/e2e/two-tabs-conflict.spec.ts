/**
 * Issue 24, item 3: two tabs never overwrite each other silently. Two real pages of one browser edit the
 * same cell; the tab whose editor opened before the other tab's write is told, and chooses.
 */
import { expect, test, type Page } from '@playwright/test';
import { SheetsPage } from './pages/sheets-page';
import { readAllTables } from './reliability/raw-db';

async function storedContact(page: Page): Promise<string> {
  const customers = (await readAllTables(page)).customers as { name: string; contactName: string }[];
  return customers.find((c) => c.name === 'Shared Cell Ltd')?.contactName ?? '';
}

test('a cell changed in another tab while it was being edited is shown: keep mine or take theirs', async ({
  context,
}) => {
  const a = new SheetsPage(await context.newPage());
  const b = new SheetsPage(await context.newPage());
  await a.openEmpty();
  await a.addRow([
    ['name', 'Shared Cell Ltd'],
    ['contactName', 'Original'],
  ]);
  await b.open();
  await expect(await b.cellInRowWith('Shared Cell Ltd', 'contactName')).toHaveText('Original');

  for (const [round, choice] of [
    [1, 'Keep mine'],
    [2, 'Take theirs'],
  ] as const) {
    // Tab A opens the editor and types, but has not pressed Enter yet.
    const cellA = await a.cellInRowWith('Shared Cell Ltd', 'contactName');
    await cellA.click();
    await a.page.keyboard.type(`From A ${round}`);
    // Meanwhile tab B changes the same cell.
    await b.typeInto(await b.cellInRowWith('Shared Cell Ltd', 'contactName'), `From B ${round}`);
    await expect.poll(() => storedContact(b.page)).toBe(`From B ${round}`);

    await a.page.keyboard.press('Enter');
    const prompt = a.page.getByRole('alertdialog', { name: 'Changed in another tab' });
    await expect(prompt).toContainText(
      `“Contact” was changed in another tab while you were editing: it is now “From B ${round}”; you typed “From A ${round}”.`,
    );
    // Nothing was written yet: tab B's value stands until A chooses.
    expect(await storedContact(a.page)).toBe(`From B ${round}`);
    if (round === 1) await a.page.screenshot({ path: '/work/shots/safety/two-tabs-conflict.png' });
    await prompt.getByRole('button', { name: choice }).click();
    await expect(prompt).toHaveCount(0);

    const kept = choice === 'Keep mine' ? `From A ${round}` : `From B ${round}`;
    await expect.poll(() => storedContact(a.page)).toBe(kept);
    await expect(await a.cellInRowWith('Shared Cell Ltd', 'contactName')).toHaveText(kept);
    await expect(await b.cellInRowWith('Shared Cell Ltd', 'contactName')).toHaveText(kept);
  }
});
