import { parseArgs } from 'node:util';
import envPaths from 'env-paths';
import { z } from 'zod';
import { formatDate } from '../../shared/domain/dates';
import type { DeviceListing } from '../../server/admin';
import { openAdminApi } from '../../server/admin-api';
import { SWEEP_GRACE_DAYS, UNFINISHED_UPLOAD_DAYS, type SweepReport } from '../../server/file-sweep';
import { startServer } from '../../server/serve';
import { feedSchema } from '../../shared/sync/protocol';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';

const USAGE = `harmony server [--port N] [--data DIR] [--housekeeping-hours N]
harmony server org add NAME [--data DIR]
harmony server enrol ORG [--vessel ID] [--data DIR]
harmony server devices [--revoke ID] [--data DIR]
harmony server compact [--feed FEED] [--data DIR]
harmony server sweep [--dry-run] [--data DIR]

Runs the sync server an office keeps for its laptops (port 8787 if none is given). Its data is kept in DIR
(the OS data folder of "harmony-server" if none is given) with no set-up; when DATABASE_URL is set, it is kept
in that PostgreSQL database instead, and several servers may share it. Once a day (every N hours with
--housekeeping-hours, never with 0) it compacts every feed and sweeps the files, as the two commands below do;
of several servers on one database, one at a time does it.

org add     adds an organisation (a fleet's office or an agency).
enrol       prints a one-time code that enrols one laptop into the organisation, or into one vessel of it
            (--vessel: the vessel's id as the app shows it). The code works once, for 7 days.
devices     lists the enrolled laptops with the last head of their audit log and how much of it
            the server keeps a verified copy of (flagged when a log went back or did not verify);
            --revoke ID shuts one out.
compact     removes the feed entries a later change of the same field replaced (every feed, or --feed
            vessel:ID, org:ID or fleet:ID). Laptops that had not read that far take their next sync from a snapshot.
sweep       removes the document scans and photos no record has named for ${SWEEP_GRACE_DAYS} days (a scan or photo
            replaced), and uploads left unfinished for ${UNFINISHED_UPLOAD_DAYS} days (the laptop sends them again from the
            start). A file no record names is removed by a sweep at least ${SWEEP_GRACE_DAYS} days after the one that first
            found it unnamed. --dry-run lists what would be removed and changes nothing.`;

const defaultDataDir = (): string => envPaths('harmony-server', { suffix: '' }).data;

async function admin(positionals: string[], values: { data?: string; vessel?: string; revoke?: string; feed?: string; 'dry-run'?: boolean }, io: CliIo): Promise<number> {
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
    } else if (action === 'sweep') {
      for (const line of sweepWords(await api.sweep(values['dry-run'] ?? false))) io.out(line);
    } else {
      throw new UsageError(`Unknown server command "${action}".`);
    }
    return EXIT.ok;
  } finally {
    await api.close();
  }
}

const bytesInWords = (bytes: number): string => {
  const [amount, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, bytes === 1 ? 'byte' : 'bytes'];
  return `${amount.toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`;
};
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A sweep in words: each file removed (or that would be), the bytes freed, and the unnamed files still kept. */
function sweepWords(report: SweepReport): string[] {
  const verb = report.dryRun ? 'Would remove' : 'Removed';
  const lines = report.removed.map((f) =>
    f.reason === 'unnamed'
      ? `${verb} from ${f.feed} the file ${f.hash.slice(0, 12)}… (${bytesInWords(f.bytes)}): no record has named it since ${formatDate(f.since.slice(0, 10))}.`
      : `${verb} from ${f.feed} an unfinished upload of ${f.hash.slice(0, 12)}… (${bytesInWords(f.bytes)} received): no part of it has arrived since ${formatDate(f.since.slice(0, 10))}.`,
  );
  const freed = bytesInWords(report.removed.reduce((sum, f) => sum + f.bytes, 0));
  if (report.removed.length === 0) lines.push(report.dryRun ? 'Nothing would be removed.' : 'Nothing to remove.');
  else lines.push(report.dryRun ? `Would remove ${plural(report.removed.length, 'file', 'files')}, freeing ${freed}; nothing was removed (dry run).` : `Removed ${plural(report.removed.length, 'file', 'files')}, freeing ${freed}.`);
  if (report.waiting === 1) lines.push(`1 file that no record names any more is kept until it has gone unnamed for ${SWEEP_GRACE_DAYS} days.`);
  if (report.waiting > 1) lines.push(`${plural(report.waiting, 'file', 'files')} that no record names any more are kept until they have gone unnamed for ${SWEEP_GRACE_DAYS} days.`);
  if (report.stoppedEarly) lines.push('The sweep was stopped before the end (the server is shutting down); run it again to finish.');
  return lines;
}

/** The device's audit log in words: the head it reported, the copy the server holds, and any warning. */
function auditWords(device: DeviceListing): string {
  const head = device.auditHead ? `audit log: ${device.auditHead.seq} entries, last ${device.auditHead.hash.slice(0, 12)}` : 'audit log: not reported yet';
  const copy = `${device.auditCopied} kept on the server`;
  const warning = device.auditWarning ? `  WARNING: ${device.auditWarning.what} (found ${formatDate(device.auditWarning.at.slice(0, 10))})` : '';
  return `${head}, ${copy}${warning}`;
}

const hoursSchema = z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number);

export const serverCommand: CliCommand = {
  name: 'server',
  summary: 'Run the sync server for an office, and enrol its laptops',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        vessel: { type: 'string' },
        revoke: { type: 'string' },
        feed: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'housekeeping-hours': { type: 'string' },
      },
    });
    if (positionals.length > 0) return admin(positionals, values, io);
    const port = values.port === undefined ? 8787 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    const hours = hoursSchema.safeParse(values['housekeeping-hours'] ?? '24');
    if (!hours.success) throw new UsageError(`--housekeeping-hours is a number of hours (0 for never), not "${values['housekeeping-hours']}"`);
    const databaseUrl = process.env.DATABASE_URL;
    const dataDir = values.data ?? defaultDataDir();
    const server = await startServer({ port, dataDir, databaseUrl, logLevel: process.env.HARMONY_LOG_LEVEL ?? 'info', housekeepingHours: hours.data });
    const address = server.app.server.address();
    const listening = address && typeof address === 'object' ? address.port : port;
    io.err(`Harmony sync server listening on port ${listening}, data in ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : dataDir}`);
    await io.interrupted;
    await server.close();
    return EXIT.ok;
  },
};
