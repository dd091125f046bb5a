/** Page model of the Import / Export page: selectors live here, specs read like what a person does. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { KehuApp } from './kehu-app';

/** A file of tests/fixtures by name, or any file by absolute path (the benchmark's data files). */
export function fixturePath(name: string): string {
  if (name.startsWith('/')) return name;
  return fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
}

export class ImportPage {
  readonly app: KehuApp;

  constructor(readonly page: Page) {
    this.app = new KehuApp(page);
  }

  async open(): Promise<void> {
    await this.app.open();
    await this.app.nav('Import / Export').click();
    await expect(this.page.getByRole('heading', { name: 'Import a CSV file' })).toBeVisible();
  }

  async chooseTable(label: string): Promise<void> {
    await this.page.getByLabel('Import into', { exact: true }).selectOption({ label });
  }

  async chooseFile(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(typeof file === 'string' ? fixturePath(file) : file);
    await expect(this.page.getByRole('heading', { name: 'Columns' })).toBeVisible();
  }

  wizard(): Locator {
    return this.page.getByRole('region', { name: 'Import a CSV file' });
  }

  encoding(): Locator {
    return this.wizard().getByLabel('Encoding', { exact: true });
  }

  mappingFor(column: string): Locator {
    return this.page.getByLabel(`Import as: ${column}`, { exact: true });
  }

  preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview: the first rows as they will be stored' });
  }

  /** Runs the dry run over the whole file; `timeout` for big files (the benchmark's million rows). */
  async check(timeout = 60_000): Promise<void> {
    await this.page.getByRole('button', { name: 'Check the whole file' }).click();
    await expect(this.summary()).toBeVisible({ timeout });
  }

  summary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  problems(): Locator {
    return this.page.getByRole('table', { name: 'Problems' });
  }

  async commit(): Promise<void> {
    await this.page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
  }

  message(): Locator {
    return this.wizard().getByRole('status').or(this.wizard().getByRole('alert'));
  }

  async downloadRejected(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
    return download;
  }

  history(): Locator {
    return this.page.getByRole('region', { name: 'Past imports' });
  }

  async undoLatest(): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.history().getByRole('button', { name: 'Undo import' }).first().click();
  }

  progress(): Locator {
    return this.page.getByTestId('import-progress');
  }
}

/** The export and backup panels of the same page. */
export class ExportPanel {
  constructor(readonly page: Page) {}

  region(): Locator {
    return this.page.getByRole('region', { name: 'Export' });
  }

  async downloadSheet(table: string): Promise<Buffer> {
    await this.region().getByLabel('Sheet', { exact: true }).selectOption({ label: table });
    const download = this.page.waitForEvent('download');
    await this.region().getByRole('button', { name: 'Download CSV' }).click();
    return readDownload(await download);
  }

  backup(): Locator {
    return this.page.getByRole('region', { name: 'Backup and restore' });
  }

  async downloadBackup(): Promise<{ path: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.backup().getByRole('button', { name: 'Download backup' }).click();
    const d = await download;
    return { path: (await d.path()) ?? '', bytes: await readDownload(d) };
  }

  async restore(path: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.backup().getByLabel('Restore from a backup file', { exact: true }).setInputFiles(path);
  }
}

async function readDownload(download: Download): Promise<Buffer> {
  const { readFileSync } = await import('node:fs');
  return readFileSync((await download.path()) ?? '');
}
