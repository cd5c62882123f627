import type { APIRequestContext } from '@playwright/test';
import { documentImage, PASSPORT_HOLDER } from '../helpers/document-images';
import { expect, test } from './fixtures';

async function api<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, url).href, { data: input });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.data;
}

test('upload a passport and a certificate, review them, correct a field, accept, and the compliance matrix changes', async ({ page, server }) => {
  // The fleet: one deckhand on one yacht (the screens that build these are covered by fleet.spec.ts).
  const vessel = await api<{ id: string }>(page.request, server.url, 'vessels.create', { name: 'Aurora', kind: 'motor', lengthM: 48, flag: 'MLT', imoNumber: '9074729', use: 'charter' });
  const position = await api<{ id: string }>(page.request, server.url, 'positions.create', { vesselId: vessel.id, department: 'deck', title: 'Deckhand', headcount: 1, rotation: null, employmentKind: 'permanent' });
  const person = await api<{ id: string }>(page.request, server.url, 'people.create', { ...PASSPORT_HOLDER, nationalities: ['DEU'], languages: [] });
  await api(page.request, server.url, 'assignments.create', { personId: person.id, positionId: position.id, startDate: '2026-01-01', endDate: null, rotation: null });

  // Upload: the passport through the file dialog, the certificate by drag and drop; each shows its own progress.
  await page.goto(`${server.url.replace(/\/$/, '')}/#/crew/${person.id}`);
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await page.getByLabel('Choose document files').setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: await documentImage('passport-letter-in-date') });
  const certificate = (await documentImage('stcw-pst-valid')).toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'pst-certificate.png', { type: 'image/png' }));
    return transfer;
  }, certificate);
  await page.dispatchEvent('.dropzone', 'drop', { dataTransfer });
  const passportUpload = page.getByRole('listitem', { name: 'Upload of passport.png' });
  const certificateUpload = page.getByRole('listitem', { name: 'Upload of pst-certificate.png' });
  await expect(passportUpload.getByText('Needs review')).toBeVisible({ timeout: 60_000 });
  await expect(certificateUpload.getByText('Needs review')).toBeVisible({ timeout: 60_000 });
  await expect(certificateUpload.getByText(/name differs from the person/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Certificate register' }).getByRole('row', { name: /^Passport/ })).toContainText('In review');
  await expect(page.getByText('Required for Deckhand: the defaults for each position, or the vessel’s own list where it has one.')).toBeVisible();

  // The compliance matrix before any decision.
  await page.goto(`${server.url.replace(/\/$/, '')}/#/vessels/${vessel.id}`);
  const matrix = page.getByRole('table', { name: 'Compliance matrix' });
  await expect(matrix.getByLabel(/^Passport: In review/)).toBeVisible();
  await expect(matrix.getByLabel(/^ENG1 medical: Missing/)).toBeVisible();

  // The review queue, by keyboard shortcut (Documents is the third screen).
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(3);
  await page.getByRole('link', { name: 'passport.png' }).click();

  // Detail: the scan beside the fields; the signed-in reviewer corrects a field and accepts.
  await expect(page.getByRole('img', { name: 'Scan of passport.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByText('125%')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept' })).toBeEnabled();
  await page.getByLabel('Expiry date').fill('2033-13-40');
  await page.getByRole('button', { name: 'Save corrections' }).click();
  await expect(page.getByText('Enter a date as YYYY-MM-DD')).toBeVisible();
  await page.getByLabel('Expiry date').fill('2033-10-12');
  await page.getByLabel('Surname').fill('Müller-Lüdenscheid');
  await page.getByRole('button', { name: 'Save corrections' }).click();
  await expect(page.getByText(/Corrected surname: “MUELLER LUEDENSCHEID” → “Müller-Lüdenscheid”/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Needs review');
  await page.keyboard.press('Alt+a');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Verified');
  await expect(page.getByText(/Accepted by Olivia Owner/).first()).toBeVisible();

  // The certificate belongs to someone else: rejected, with the reason.
  await page.getByRole('link', { name: '← Review queue' }).click();
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: 'pst-certificate.png' }).click();
  await page.getByRole('button', { name: 'Reject…' }).click();
  await page.getByLabel('Why is it rejected?').fill('Belongs to another crew member');
  await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rejected');
  await page.getByRole('link', { name: '← Review queue' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing waiting for review' })).toBeVisible();

  // The matrix has changed: the passport counts, the rejected certificate does not.
  await page.goto(`${server.url.replace(/\/$/, '')}/#/vessels/${vessel.id}`);
  await expect(matrix.getByLabel(/^Passport: Valid, until/)).toBeVisible();
  await expect(matrix.getByLabel(/^STCW Personal Survival Techniques: Missing/)).toBeVisible();

  // The vessel's own rule: its deckhands also need Advanced Fire Fighting.
  await expect(matrix.getByLabel(/^Advanced Fire Fighting/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Requirements…' }).click();
  const requirements = page.getByRole('dialog', { name: 'Certificate requirements' });
  await expect(requirements.getByText('Following the defaults for this position')).toBeVisible();
  await requirements.getByLabel('Advanced Fire Fighting').check();
  await requirements.getByRole('button', { name: 'Save for Deckhand' }).click();
  await expect(requirements.getByText('This vessel has its own list for this position')).toBeVisible();
  await requirements.getByRole('button', { name: 'Done' }).click();
  await expect(matrix.getByLabel(/^Advanced Fire Fighting: Missing/)).toBeVisible();

  // And back to the defaults.
  await page.getByRole('button', { name: 'Requirements…' }).click();
  await requirements.getByRole('button', { name: 'Reset to default' }).click();
  await expect(page.getByText('Deckhand: back to the defaults for the position')).toBeVisible();
  await requirements.getByRole('button', { name: 'Done' }).click();
  await expect(matrix.getByLabel(/^Advanced Fire Fighting/)).toHaveCount(0);
});
