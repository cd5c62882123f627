import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { api, expect, PreviewServer, test } from './fixtures';
import { admin, enrolInSettings, startSyncServer, syncNow } from './sync-server';

/**
 * Two browser previews with their own data folders and one sync server (docs/sync.md): enrol both in Settings →
 * Sync, edit on one, Sync now, see it on the other, and a scan read on one; two edits of the same field meet, the replaced one appears in
 * the conflict list and is put back everywhere.
 */
// Two previews, a server and a dozen syncs: more than one spec's minute on a loaded machine.
test.setTimeout(180_000);

test('two laptops and one server: an edit travels, a scan follows its row, and an overwritten edit is listed and put back', async ({ browser, request }) => {
  const serverDir = mkdtempSync(join(tmpdir(), 'harmony-e2e-server-'));
  const previews = [new PreviewServer(mkdtempSync(join(tmpdir(), 'harmony-e2e-a-'))), new PreviewServer(mkdtempSync(join(tmpdir(), 'harmony-e2e-b-')))];
  const server = await startSyncServer(serverDir);
  try {
    await Promise.all(previews.map((p) => p.start()));
    admin(serverDir, 'org', 'add', 'Blue Fleet');
    const code = () => /: ([A-Z0-9]+)\n/.exec(admin(serverDir, 'enrol', 'Blue Fleet'))![1]!;
    const [a, b] = await Promise.all([browser.newPage(), browser.newPage()]);
    await previews[0]!.authorize(a!.context());
    await previews[1]!.authorize(b!.context());
    await enrolInSettings(a!, previews[0]!.url, server.url, code());
    await enrolInSettings(b!, previews[1]!.url, server.url, code());

    const person = { givenNames: 'Ines', surname: 'Marchetti', dateOfBirth: '1988-03-02', email: 'ines@example.org', nationalities: ['ITA'], languages: ['Italian'] };
    const created = await api<{ id: string }>(request, previews[0]!.url, 'people.create', person);
    await syncNow(a!);
    await syncNow(b!);
    await b!.goto(new URL('#/crew', previews[1]!.url).href);
    await expect(b!.getByRole('row', { name: /Marchetti, Ines/ })).toBeVisible();

    // A scan read on A: Settings counts it until it is sent; then it shows on B (docs/sync.md#attachments).
    const scan = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6f97' } }).png().toBuffer();
    const uploaded = await api<{ document: { id: string } }>(request, previews[0]!.url, 'documents.upload', { personId: created.id, fileName: 'marchetti-scan.png', contentBase64: scan.toString('base64') });
    await a!.reload();
    await expect(a!.getByTestId('sync-files')).toHaveText('1 file to send');
    await syncNow(a!);
    await expect(a!.getByTestId('sync-files')).toHaveText('all here and on the server');
    await b!.goto(new URL('#/settings', previews[1]!.url).href);
    await syncNow(b!);
    await expect(b!.getByTestId('sync-files')).toHaveText('all here and on the server');
    await b!.goto(new URL(`#/documents/${uploaded.document.id}`, previews[1]!.url).href);
    await expect(b!.getByRole('img', { name: 'Scan of marchetti-scan.png' })).toBeVisible();

    // The same field edited on both; B's edit is the later one.
    await api(request, previews[0]!.url, 'people.update', { ...person, id: created.id, phone: '+39 111 111' });
    await api(request, previews[1]!.url, 'people.update', { ...person, id: created.id, phone: '+39 222 222' });
    await b!.goto(new URL('#/settings', previews[1]!.url).href);
    await syncNow(a!);
    await syncNow(b!);
    await syncNow(a!);
    const conflicts = a!.getByRole('table', { name: 'Overwritten edits' });
    await expect(conflicts.getByRole('row', { name: /Ines Marchetti — phone \+39 222 222 \+39 111 111/ })).toBeVisible();
    // Who made each edit: B's owner on B (enrolled under this machine's host name), over A's owner here.
    await expect(conflicts.getByRole('cell', { name: /^changed by [^ ]+ on .+, over the edit by [^ ]+ on this computer$/ })).toBeVisible();
    await conflicts.getByRole('button', { name: 'Put back' }).click();
    await expect(a!.getByText('No edits were overwritten by another computer.')).toBeVisible();
    await syncNow(a!);
    await syncNow(b!);
    const onB = await api<{ person: { phone: string } }>(request, previews[1]!.url, 'people.get', { id: created.id });
    expect(onB.person.phone).toBe('+39 111 111');
    // The server lists both laptops with the head of their audit log, neither flagged.
    const devices = admin(serverDir, 'devices');
    expect(devices.match(/audit log: \d+ entries, last [0-9a-f]{12}, [1-9]\d* kept on the server/g)).toHaveLength(2);
    expect(devices).not.toContain('WARNING');
  } finally {
    await Promise.all(previews.map((p) => p.stop()));
    server.child.kill('SIGTERM');
    for (const dir of [serverDir, ...previews.map((p) => p.dataDir)]) rmSync(dir, { recursive: true, force: true });
  }
});
