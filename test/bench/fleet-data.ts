import type { Core } from '../../src/core/core';
import { seededRandom } from '../../src/engine/random';
import { NAME_POOLS } from '../../src/core/demo/names';

/**
 * A people CSV of `count` synthetic rows (seeded): names from the sample fleet's pools plus a number, so every
 * row is a different person, with nationalities, languages and an e-mail, as an agency's export would have.
 */
export function peopleCsv(count: number, seed = 7): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lines = ['given_names,surname,date_of_birth,nationalities,languages,email,phone'];
  for (let i = 0; i < count; i += 1) {
    const pool = pick(NAME_POOLS);
    const given = pick(random() < 0.5 ? pool.given.f : pool.given.m);
    const surname = `${pick(pool.surnames)}${i}`;
    const year = 1960 + Math.floor(random() * 45);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const languages = ['English', ...pool.languages].join(';');
    lines.push(`"${given}","${surname}",${year}-${month}-${day},${pool.nationality},${languages},person${i}@example.org,+44 7700 900${String(i % 1000).padStart(3, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A fleet of `vessels` yachts with 12 positions each, and people on the crew list assigned to them: about one
 * in ten of `people` currently or formerly aboard, the rest candidates (the shape of an agency's database).
 */
export async function populateFleet(core: Core, people: number, vessels: number): Promise<{ vesselIds: string[] }> {
  await core.call('people.import', { contentBase64: Buffer.from(peopleCsv(people)).toString('base64') });
  const random = seededRandom(11);
  const vesselIds: string[] = [];
  const positionIds: string[] = [];
  const titles = [
    ['deck', 'Captain'], ['deck', 'Chief Officer'], ['deck', 'Bosun'], ['deck', 'Deckhand'], ['engineering', 'Chief Engineer'], ['engineering', '2nd Engineer'],
    ['interior', 'Chief Stew'], ['interior', 'Stew'], ['interior', 'Laundry'], ['galley', 'Head Chef'], ['galley', 'Sous Chef'], ['galley', 'Crew Chef'],
  ] as const;
  for (let v = 0; v < vessels; v += 1) {
    const vessel = await core.call('vessels.create', { name: `Bench ${v}`, kind: 'motor', lengthM: 30 + (v % 60), flag: 'MLT', imoNumber: null, officialNumber: `B${v}`, use: 'charter' });
    vesselIds.push(vessel.id);
    for (const [department, title] of titles) {
      const position = await core.call('positions.create', { vesselId: vessel.id, department, title, headcount: 4, rotation: random() < 0.5 ? '4:2' : null, employmentKind: 'rotational' });
      positionIds.push(position.id);
    }
  }
  const page = await core.call('people.list', { limit: 500, offset: 0 });
  let offset = 0;
  let ids = page.rows.map((r) => r.id);
  const target = Math.floor(people / 10);
  let assigned = 0;
  while (assigned < target && ids.length > 0) {
    for (const id of ids) {
      if (assigned >= target) break;
      const positionId = positionIds[Math.floor(random() * positionIds.length)]!;
      const past = random() < 0.3;
      const startYear = past ? 2019 : 2023 + Math.floor(random() * 3);
      await core.call('assignments.create', {
        personId: id,
        positionId,
        startDate: `${startYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        endDate: past ? '2020-12-31' : null,
      });
      assigned += 1;
    }
    offset += 5000;
    ids = (await core.call('people.list', { limit: 500, offset })).rows.map((r) => r.id);
  }
  return { vesselIds };
}
