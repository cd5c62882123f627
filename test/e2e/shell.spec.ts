import { expect, test } from './fixtures';

test('the preview opens, the sidebar reaches Settings by keyboard, and a backup can be taken', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText(server.dataDir, { exact: true })).toBeVisible();
  await expect(page.getByText('No backups yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('cell', { name: 'Backed up by hand' })).toBeVisible();
});
