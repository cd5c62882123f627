import Database from 'better-sqlite3';
import sharp from 'sharp';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../src/core/db/ids';
import { personInput, vesselWithPosition } from '../helpers/fleet';
import { pdfPages } from '../helpers/pdf-text';
import { tempCore } from '../helpers/temp-core';

/**
 * Candidates as people (docs/recruitment.md#duplicates, #the-yacht-cv): near duplicates found by name and
 * date of birth or by a passport number read from a document, a merge that keeps every record of both or says
 * what conflicts, and the yacht CV as PDF (two pages at most, contact details left out when asked) and Markdown.
 */
const core = tempCore();
let vesselPosition: Awaited<ReturnType<typeof vesselWithPosition>>;

/** A passport as the document reader stores it once OCR has read it. */
function storePassport(personId: string, number: string) {
  const db = new Database(join(core.dataDir, 'harmony.db'));
  const stamp = nowIso();
  const fields = JSON.stringify({ documentNumber: number });
  db.prepare(
    `INSERT INTO documents (id, person_id, file_hash, file_name, byte_size, type, kind, status, reasons, checks, fields, read_fields, mrz, ocr_text, confidence, expires_on, created_at, updated_at)
     VALUES (?, ?, 'f00d', 'passport.jpg', 10, 'passport', 'passport', 'verified', '[]', '[]', ?, ?, NULL, '', 0.9, '2030-01-01', ?, ?)`,
  ).run(newId(), personId, fields, fields, stamp, stamp);
  db.close();
}

beforeAll(async () => {
  vesselPosition = await vesselWithPosition(core);
});
afterAll(() => core.dispose());

describe('duplicates and merging', () => {
  it('finds the same surname and date of birth under other given names, and the same passport number', async () => {
    const jonathan = await core.call('people.create', personInput({ givenNames: 'Jonathan', surname: 'Reed', dateOfBirth: '1988-02-03', email: 'jon@example.org' }));
    const jon = await core.call('people.create', personInput({ givenNames: 'Jon', surname: 'Reed', dateOfBirth: '1988-02-03', email: null }));
    const other = await core.call('people.create', personInput({ givenNames: 'Paula', surname: 'Quinn', dateOfBirth: '1990-01-01', email: null }));
    const stranger = await core.call('people.create', personInput({ givenNames: 'Pablo', surname: 'Quinones', dateOfBirth: '1991-01-01', email: null }));
    storePassport(other.id, '123456789');
    storePassport(stranger.id, '1234 56789');
    const forJon = await core.call('people.duplicates', { personId: jon.id });
    expect(forJon).toEqual([{ personId: jon.id, name: 'Jon Reed', dateOfBirth: '1988-02-03', otherId: jonathan.id, otherName: 'Jonathan Reed', otherDateOfBirth: '1988-02-03', reasons: ['the same surname and date of birth'] }]);
    const all = await core.call('people.duplicates', {});
    expect(all.find((d) => [d.personId, d.otherId].includes(other.id))?.reasons).toEqual(['the same passport number 123456789']);
  });

  it('merges two records keeping every record of both, and refuses when their assignments overlap, saying which', async () => {
    const a = await core.call('people.create', personInput({ givenNames: 'Maria', surname: 'Lopes', dateOfBirth: '1992-05-05', email: 'maria@example.org', phone: null }));
    const b = await core.call('people.create', personInput({ givenNames: 'Mariana', surname: 'Lopes', dateOfBirth: '1992-05-05', email: null, phone: '+33 6 12 34 56 78', nationalities: ['PRT'] }));
    const { position } = vesselPosition;
    await core.call('assignments.create', { personId: a.id, positionId: position.id, startDate: '2026-01-01', endDate: '2026-06-30' });
    const clash = await core.call('assignments.create', { personId: b.id, positionId: position.id, startDate: '2026-05-01', endDate: '2026-08-31' });
    const refused = await core.dispatch('people.merge', { keepId: a.id, mergeId: b.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Maria Lopes and Mariana Lopes cannot be merged: assignments overlap: Chief Stew on Test Vessel (1 Jan 2026 to 30 Jun 2026) and Chief Stew on Test Vessel (1 May 2026 to 31 Aug 2026)' },
    });
    expect((await core.call('people.get', { id: b.id })).person.archivedAt).toBeNull();

    await core.call('assignments.update', { id: clash.id, startDate: '2026-07-01', endDate: '2026-08-31', rotation: '4:2' });
    await core.call('visas.add', { personId: b.id, kind: 'schengen', expiresOn: '2029-01-01' });
    const merged = await core.call('people.merge', { keepId: a.id, mergeId: b.id });
    expect(merged.moved).toEqual({ assignments: 1, person_visas: 1 });
    expect(merged.person).toMatchObject({ email: 'maria@example.org', phone: '+33 6 12 34 56 78', nationalities: ['GBR', 'PRT'] });
    expect((await core.call('people.get', { id: a.id })).assignments).toHaveLength(2);
    expect(await core.call('visas.list', { id: a.id })).toHaveLength(1);
    expect((await core.call('people.get', { id: b.id })).person.archivedAt).not.toBeNull();
    expect(await core.dispatch('people.merge', { keepId: a.id, mergeId: a.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('the yacht CV', () => {
  let personId: string;
  beforeAll(async () => {
    const person = await core.call('people.create', personInput({ givenNames: 'Zoë', surname: 'Hart', dateOfBirth: '1994-07-14', email: 'zoe.hart@example.org', phone: '+44 7700 900123', languages: ['English', 'French'] }));
    personId = person.id;
    await core.call('candidates.saveProfile', {
      personId,
      languageLevels: { English: 'native', French: 'conversational' },
      smoker: false,
      visibleTattoos: false,
      drivingLicence: 'UK full',
      summary: 'Chief Stew with eight seasons on charter yachts.',
      references: [{ name: 'Captain Ray Moss', role: 'Captain', vessel: 'M/Y Aurora', contact: 'ray.moss@example.org' }],
    });
    // Enough sea service to run past two pages if nothing stopped it.
    for (let i = 0; i < 160; i += 1) {
      const year = 1990 + (i % 30);
      await core.call('seaService.add', { personId, vesselName: `M/Y Vessel ${i}`, lengthM: 40 + i, department: 'interior', positionTitle: 'Stew', startDate: `${year}-01-0${1 + (i % 9)}`, endDate: `${year}-03-01`, kind: 'onboard' });
    }
  });

  it('is a PDF of at most two pages, with the contact details or without them', async () => {
    const withContacts = await core.call('cv.pdf', { personId });
    const without = await core.call('cv.pdf', { personId, contacts: false });
    expect(withContacts.fileName).toBe('cv-Zoe-Hart.pdf');
    expect(without.fileName).toBe('cv-Zoe-Hart-no-contacts.pdf');
    const full = (await pdfPages(Buffer.from(withContacts.contentBase64, 'base64'))).join('\n');
    const pages = await pdfPages(Buffer.from(without.contentBase64, 'base64'));
    expect(pages).toHaveLength(2);
    expect(without.pages).toBe(2);
    const bare = pages.join('\n');
    expect(full).toContain('zoe.hart@example.org');
    expect(full).toContain('ray.moss@example.org');
    for (const contact of ['zoe.hart@example.org', '+44 7700 900123', 'ray.moss@example.org']) expect(bare).not.toContain(contact);
    expect(bare).toContain('Zoë Hart');
    expect(bare).toContain('English (native), French (conversational)');
    expect(bare).toMatch(/Earlier service \(\d+ more\) on request\./);
    expect(bare).toContain('Captain Ray Moss, Captain, M/Y Aurora');
  });

  it('carries the photo, and stays small', async () => {
    const photo = await sharp({ create: { width: 1200, height: 1500, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
    await core.call('people.setPhoto', { id: personId, contentBase64: photo.toString('base64') });
    const cv = await core.call('cv.pdf', { personId, contacts: false });
    const bytes = Buffer.from(cv.contentBase64, 'base64');
    expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(cv.pages).toBeLessThanOrEqual(2);
    expect(bytes.length).toBeLessThan(120 * 1024);
  });

  it('is Markdown too, without contacts when asked', async () => {
    const md = await core.call('cv.markdown', { personId, contacts: false });
    expect(md.markdown).toMatch(/^# Zoë Hart\n/);
    expect(md.markdown).toContain('- **Smoker:** No');
    expect(md.markdown).toContain('| M/Y Vessel 0 (40 m) | Stew | 1 Jan 1990 to 1 Mar 1990 |');
    expect(md.markdown).not.toContain('example.org');
    expect((await core.call('cv.markdown', { personId })).markdown).toContain('- **E-mail:** zoe.hart@example.org');
  });
});
