import { todayIsoDate } from '../../src/shared/domain/dates';
import { api, expect, test } from './fixtures';

test("the issue's yacht: three crew from the same day on 4:2, the only captain among them — the vessel warns, staggering is previewed, applied and undone", async ({ page, server }) => {
  const today = todayIsoDate();
  const vessel = await api<{ id: string }>(page.request, server.url, 'vessels.create', { name: 'Aurora', kind: 'motor', lengthM: 48, flag: 'MLT', imoNumber: '9074729', use: 'charter' });
  const crew: Array<[string, string, string]> = [
    ['Captain', 'Ana', 'Marin'],
    ['Chief Officer', 'Ben', 'Okafor'],
    ['Deckhand', 'Cy', 'Laine'],
  ];
  for (const [i, [title, givenNames, surname]] of crew.entries()) {
    const position = await api<{ id: string }>(page.request, server.url, 'positions.create', { vesselId: vessel.id, department: 'deck', title, headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
    const person = await api<{ id: string }>(page.request, server.url, 'people.create', { givenNames, surname, dateOfBirth: `198${i}-05-01`, nationalities: ['GBR'], languages: [] });
    await api(page.request, server.url, 'assignments.create', { personId: person.id, positionId: position.id, startDate: today });
  }

  await page.goto(`${server.url}#/vessels/${vessel.id}`);
  const summary = page.getByRole('list', { name: 'Safe manning' });
  await expect(summary.getByRole('alert').filter({ hasText: 'No captain aboard on 28 days from' })).toBeVisible();
  await expect(summary.getByRole('alert').filter({ hasText: 'No watchkeeping officer aboard on 28 days' })).toBeVisible();
  // Dates in words, as everywhere in the app.
  await expect(summary.getByRole('alert').first()).toContainText(/from \d{1,2} [A-Z][a-z]{2} \d{4}:/);
  await expect(page.getByRole('row', { name: /Captain/ }).getByRole('cell', { name: 'Yes' })).toBeVisible();

  await page.getByRole('button', { name: 'Stagger rotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stagger rotations' });
  await expect(dialog.getByRole('table', { name: 'Proposed changes' }).getByRole('row')).toHaveCount(3);
  await expect(dialog.getByText(/Still no captain aboard on \d+ days/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Staggered 2 rotations')).toBeVisible();
  await expect(summary.getByRole('alert').filter({ hasText: 'No captain aboard on 28 days' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Current crew' })).toContainText('restarts');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(summary.getByRole('alert').filter({ hasText: 'No captain aboard on 28 days from' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Current crew' })).not.toContainText('restarts');
});
