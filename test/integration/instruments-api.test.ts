import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64, createPeople } from '../helpers/assessments';
import { tempCore } from '../helpers/temp-core';

/** Custom instruments: imported from JSON, used to score and place results, archived without losing results. */
const core = tempCore();
afterAll(() => core.dispose());

const scales = ['S1', 'S2'];
const items = Array.from({ length: 8 }, (_, i) => ({ id: `q${i + 1}`, scale: scales[i % 2]!, keyed: i % 3 === 2 ? -1 : 1, text: { en: `Item ${i + 1}` } }));
const definition = { id: 'Team-Climate-8', name: 'Team climate (8 items)', version: '1', response: { min: 1, max: 7 }, scales: scales.map((id) => ({ id, name: { en: `Scale ${id}` } })), items };

let people: Array<{ id: string; email: string }>;
beforeAll(async () => {
  people = await createPeople(core, 31, 'climate');
});

describe('custom instruments', () => {
  it('imports a definition, refuses a bad one naming the path, and refuses a built-in id', async () => {
    const added = await core.call('instruments.import', { contentBase64: base64(JSON.stringify(definition)), fileName: 'climate.json' });
    expect(added).toMatchObject({ key: 'team-climate-8', name: 'Team climate (8 items)', items: 8, scales: 2, min: 1, max: 7, builtin: false });
    const list = await core.call('instruments.list', { archived: 'exclude' });
    expect(list.map((i) => [i.key, i.builtin])).toEqual([
      ['ipip-neo-120', true],
      ['team-climate-8', false],
    ]);
    const bad = await core.dispatch('instruments.import', { contentBase64: base64(JSON.stringify({ ...definition, id: 'other', items: [{ ...items[0], scale: 'S9' }, items[1]] })) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('scale "S9", which is not defined') } });
    const clash = await core.dispatch('instruments.import', { contentBase64: base64(JSON.stringify({ ...definition, id: 'IPIP-NEO-120' })) });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.dispatch('instruments.import', { contentBase64: base64(JSON.stringify(definition)) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('scores results with it, names its scales, and forms local groups from them', async () => {
    const header = ['email', 'taken_on', ...items.map((i) => i.id)].join(',');
    const rows = people.map((p, r) => [p.email, '2025-05-01', ...items.map((_, j) => String(1 + ((r * 3 + j * (r % 4)) % 7)))].join(','));
    const done = await core.call('assessments.import', { contentBase64: base64([header, ...rows].join('\n')), context: 'incumbent', instrumentId: 'team-climate-8' });
    expect(done.imported).toBe(31);
    const { rows: stored } = await core.call('assessments.list', { limit: 1 });
    const detail = await core.call('assessments.get', { id: stored[0]!.id });
    expect(detail).toMatchObject({ instrumentId: 'team-climate-8', instrumentName: 'Team climate (8 items)', items: 8 });
    expect(detail.scales.map((s) => s.name)).toEqual(['Scale S1', 'Scale S2']);
    const groups = await core.call('assessments.localGroups', { by: 'context', instrumentId: 'team-climate-8' });
    expect(groups.groups[0]).toMatchObject({ group: 'All crew in post', population: 'incumbent' });
    expect(await core.call('assessments.localGroups', { by: 'context' })).toMatchObject({ results: 0, groups: [] });
  });

  it('archived, it still describes its stored results but takes no new ones; restore brings it back', async () => {
    const [custom] = (await core.call('instruments.list', { archived: 'exclude' })).filter((i) => !i.builtin);
    await core.call('instruments.archive', { id: custom!.id! });
    const { rows } = await core.call('assessments.list', { limit: 1 });
    expect((await core.call('assessments.get', { id: rows[0]!.id })).instrumentName).toBe('Team climate (8 items)');
    const refused = await core.dispatch('assessments.importPreview', { contentBase64: base64('email,taken_on\n'), context: 'incumbent', instrumentId: 'team-climate-8' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('(it is archived)') } });
    await core.call('instruments.restore', { id: custom!.id! });
    expect((await core.call('instruments.list', { archived: 'exclude' })).map((i) => i.key)).toContain('team-climate-8');
  });
});
