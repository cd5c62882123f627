import { parseArgs } from 'node:util';
import envPaths from 'env-paths';
import { formatDate } from '../../shared/domain/dates';
import type { DeviceListing } from '../../server/admin';
import { openAdminApi } from '../../server/admin-api';
import { startServer } from '../../server/serve';
import { feedSchema } from '../../shared/sync/protocol';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';

const USAGE = `harmony server [--port N] [--data DIR]
harmony server org add NAME [--data DIR]
harmony server enrol ORG [--vessel ID] [--data DIR]
harmony server devices [--revoke ID] [--data DIR]
harmony server compact [--feed FEED] [--data DIR]

Runs the sync server an office keeps for its laptops (port 8787 if none is given). Its data is kept in DIR
(the OS data folder of "harmony-server" if none is given) with no set-up; when DATABASE_URL is set, it is kept
in that PostgreSQL database instead, and several servers may share it.

org add     adds an organisation (a fleet's office or an agency).
enrol       prints a one-time code that enrols one laptop into the organisation, or into one vessel of it
            (--vessel: the vessel's id as the app shows it). The code works once, for 7 days.
devices     lists the enrolled laptops with the last head of their audit log and how much of it
            the server keeps a verified copy of (flagged when a log went back or did not verify);
            --revoke ID shuts one out.
compact     removes the feed entries a later change of the same field replaced (every feed, or --feed
            vessel:ID, org:ID or fleet:ID). Laptops that had not read that far take their next sync from a snapshot.`;

const defaultDataDir = (): string => envPaths('harmony-server', { suffix: '' }).data;

async function admin(positionals: string[], values: { data?: string; vessel?: string; revoke?: string; feed?: string }, io: CliIo): Promise<number> {
  const api = await openAdminApi({ dataDir: values.data ?? defaultDataDir(), databaseUrl: process.env.DATABASE_URL });
  try {
    const [action, ...rest] = positionals;
    if (action === 'org') {
      if (rest[0] !== 'add' || !rest[1]) throw new UsageError('Say: harmony server org add NAME');
      const org = await api.addOrg(rest.slice(1).join(' '));
      io.out(`Added ${org.name} (${org.id}).`);
    } else if (action === 'enrol') {
      if (!rest[0]) throw new UsageError('Say which organisation: harmony server enrol ORG [--vessel ID]');
      const { code, org, vesselId, expiresAt } = await api.enrolmentCode(rest[0], values.vessel);
      io.out(`Enrolment code for ${vesselId ? `vessel ${vesselId} of ` : ''}${org.name}: ${code}`);
      io.out(`It works once, until ${formatDate(expiresAt.slice(0, 10))}.`);
    } else if (action === 'devices') {
      if (values.revoke) {
        await api.revoke(values.revoke);
        io.out(`Device ${values.revoke} is revoked: it can no longer sync.`);
      }
      for (const d of await api.devices()) {
        const state = d.revokedAt ? `revoked ${formatDate(d.revokedAt.slice(0, 10))}` : d.lastSeenAt ? `last synced ${formatDate(d.lastSeenAt.slice(0, 10))}` : 'not synced yet';
        io.out(`${d.id}  ${d.name}  ${d.org}${d.vesselId ? ` / vessel ${d.vesselId}` : ''}  ${state}  ${auditWords(d)}`);
      }
    } else if (action === 'compact') {
      if (values.feed !== undefined && !feedSchema.safeParse(values.feed).success) throw new UsageError(`--feed is vessel:ID, org:ID or fleet:ID, not "${values.feed}"`);
      const feeds = await api.compact(values.feed);
      if (feeds.length === 0) io.out('No feeds yet: nothing to compact.');
      for (const f of feeds) io.out(`${f.feed}: ${f.removed.toLocaleString('en')} replaced entries removed; laptops behind entry ${f.horizon.toLocaleString('en')} resync from a snapshot.`);
    } else {
      throw new UsageError(`Unknown server command "${action}".`);
    }
    return EXIT.ok;
  } finally {
    await api.close();
  }
}

/** The device's audit log in words: the head it reported, the copy the server holds, and any warning. */
function auditWords(device: DeviceListing): string {
  const head = device.auditHead ? `audit log: ${device.auditHead.seq} entries, last ${device.auditHead.hash.slice(0, 12)}` : 'audit log: not reported yet';
  const copy = `${device.auditCopied} kept on the server`;
  const warning = device.auditWarning ? `  WARNING: ${device.auditWarning.what} (found ${formatDate(device.auditWarning.at.slice(0, 10))})` : '';
  return `${head}, ${copy}${warning}`;
}

export const serverCommand: CliCommand = {
  name: 'server',
  summary: 'Run the sync server for an office, and enrol its laptops',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: 'string' }, data: { type: 'string' }, vessel: { type: 'string' }, revoke: { type: 'string' }, feed: { type: 'string' } },
    });
    if (positionals.length > 0) return admin(positionals, values, io);
    const port = values.port === undefined ? 8787 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    const databaseUrl = process.env.DATABASE_URL;
    const dataDir = values.data ?? defaultDataDir();
    const server = await startServer({ port, dataDir, databaseUrl, logLevel: process.env.HARMONY_LOG_LEVEL ?? 'info' });
    const address = server.app.server.address();
    const listening = address && typeof address === 'object' ? address.port : port;
    io.err(`Harmony sync server listening on port ${listening}, data in ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : dataDir}`);
    await io.interrupted;
    await server.close();
    return EXIT.ok;
  },
};
