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

test('no other page can show the preview in a frame (clickjacking)', async ({ page, server }) => {
  // A page of another origin frames the preview; the browser must refuse to show it.
  await page.setContent(`<h1>Win a yacht</h1><iframe src="${server.url}" width="800" height="600"></iframe>`);
  const framed = page.frames().find((frame) => frame !== page.mainFrame())!;
  expect(framed).toBeDefined();
  expect(await framed.content()).not.toContain('<title>Harmony Crew</title>');
  expect((await page.request.get(server.url)).headers()['x-frame-options']).toBe('DENY');
});
