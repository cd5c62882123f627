import { createHash, randomBytes } from 'node:crypto';
import { tokenServerId } from '../shared/sync/protocol';
import { fleetFeed, orgFeed, vesselFeed } from '../shared/sync/routes';
import { AUDIT_HEAD_COLUMNS, auditHeadListing, type AuditHeadColumns, type AuditHeadListing } from './audit-heads';
import { SyncError } from './errors';
import { serverIdOf, type Sql, type Store } from './store';

/**
 * What an office administrator does on the server (`harmony server org|enrol|devices`): organisations, one-time
 * enrolment codes, devices and their revocation. Secrets (codes, tokens) are stored as SHA-256 hashes only: they
 * are long random strings, so a plain hash is enough to make a stolen database useless for signing in.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const ENROLMENT_DAYS = 7;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface Org {
  id: string;
  name: string;
}

export async function addOrg(store: Sql, name: string): Promise<Org> {
  const trimmed = name.trim();
  if (!trimmed) throw new SyncError('VALIDATION', 'Give the organisation a name.');
  const existing = await store.query<Org>('SELECT id, name FROM orgs WHERE name = $1', [trimmed]);
  if (existing[0]) throw new SyncError('VALIDATION', `An organisation named ${trimmed} already exists.`);
  const org = { id: crypto.randomUUID(), name: trimmed };
  await store.query('INSERT INTO orgs (id, name) VALUES ($1, $2)', [org.id, org.name]);
  return org;
}

export async function findOrg(store: Sql, nameOrId: string): Promise<Org> {
  const [org] = await store.query<Org>('SELECT id, name FROM orgs WHERE id = $1 OR name = $1', [nameOrId]);
  if (!org) throw new SyncError('NOT_FOUND', `No organisation is named ${nameOrId}.`);
  return org;
}

export const listOrgs = (store: Sql): Promise<Org[]> => store.query<Org>('SELECT id, name FROM orgs ORDER BY name');

/** A one-time code that enrols one device into the organisation, or into one of its vessels. */
export async function createEnrolmentCode(store: Sql, orgNameOrId: string, vesselId?: string): Promise<{ code: string; org: Org; vesselId: string | null; expiresAt: string }> {
  const org = await findOrg(store, orgNameOrId);
  if (vesselId !== undefined) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(vesselId)) throw new SyncError('VALIDATION', 'A vessel id is the id the app shows for the vessel (letters, digits and dashes).');
    const [vessel] = await store.query<{ org_id: string }>('SELECT org_id FROM vessels WHERE id = $1', [vesselId]);
    if (vessel && vessel.org_id !== org.id) throw new SyncError('FORBIDDEN', `Vessel ${vesselId} belongs to another organisation.`);
    if (!vessel) await store.query('INSERT INTO vessels (id, org_id) VALUES ($1, $2)', [vesselId, org.id]);
  }
  const bytes = randomBytes(12);
  const code = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  const expiresAt = new Date(Date.now() + ENROLMENT_DAYS * 86_400_000).toISOString();
  await store.query('INSERT INTO enrolment_codes (code_hash, org_id, vessel_id, expires_at) VALUES ($1, $2, $3, $4)', [hashSecret(code), org.id, vesselId ?? null, expiresAt]);
  return { code, org, vesselId: vesselId ?? null, expiresAt };
}

export interface DeviceRow {
  id: string;
  name: string;
  org_id: string;
  vessel_id: string | null;
  last_seq: number;
  revoked_at: string | null;
}

/**
 * The feeds a device may read and write (docs/sync.md#tenants): its vessel's and its organisation's fleet feed, or
 * for an office device its organisation's, the fleet feed and every vessel's of it.
 */
export async function tenantsOf(store: Sql, device: Pick<DeviceRow, 'org_id' | 'vessel_id'>): Promise<{ home: string; tenants: string[] }> {
  if (device.vessel_id !== null) return { home: vesselFeed(device.vessel_id), tenants: [vesselFeed(device.vessel_id), fleetFeed(device.org_id)] };
  const vessels = await store.query<{ id: string }>('SELECT id FROM vessels WHERE org_id = $1 ORDER BY id', [device.org_id]);
  return { home: orgFeed(device.org_id), tenants: [orgFeed(device.org_id), fleetFeed(device.org_id), ...vessels.map((v) => vesselFeed(v.id))] };
}

/** Spends an enrolment code: a new device with its own token, which is shown once and stored hashed. */
export async function enrol(store: Store, code: string, name: string): Promise<{ deviceId: string; token: string; serverId: string; home: string; tenants: string[] }> {
  const serverId = await serverIdOf(store);
  const token = `hc1.${serverId}.${randomBytes(32).toString('base64url')}`;
  const deviceId = crypto.randomUUID();
  const device = await store.transaction(async (tx) => {
    const [row] = await tx.query<{ org_id: string; vessel_id: string | null }>(
      'UPDATE enrolment_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING org_id, vessel_id',
      [hashSecret(code.trim().toUpperCase())],
    );
    if (!row) throw new SyncError('CODE_INVALID', 'This enrolment code is unknown, already used or expired; ask the office for a new one.');
    await tx.query('INSERT INTO devices (id, name, org_id, vessel_id, token_hash) VALUES ($1, $2, $3, $4, $5)', [deviceId, name, row.org_id, row.vessel_id, hashSecret(token)]);
    return row;
  });
  const { home, tenants } = await tenantsOf(store, device);
  return { deviceId, token, serverId, home, tenants };
}

export interface DeviceListing {
  id: string;
  name: string;
  org: string;
  vesselId: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** The last head of its audit log it sent, and whether the log was ever found to have gone back. */
  auditHead: AuditHeadListing | null;
  /** Entries of its audit log the server holds a verified copy of (docs/sync.md#the-audit-log-on-the-server). */
  auditCopied: number;
  /** When its audit log was found to have gone back or was refused, and how; null if never. */
  auditWarning: { at: string; what: string } | null;
}

export async function listDevices(store: Sql): Promise<DeviceListing[]> {
  type Row = { id: string; name: string; org: string; vessel_id: string | null; last_seen_at: Date | null; revoked_at: Date | null; copied: number } & AuditHeadColumns;
  const rows = await store.query<Row>(
    `SELECT d.id, d.name, o.name AS org, d.vessel_id, d.last_seen_at, d.revoked_at, ${AUDIT_HEAD_COLUMNS},
       (SELECT count(*) FROM device_audit a WHERE a.device_id = d.id AND a.branch = d.audit_branch)::float8 AS copied
     FROM devices d JOIN orgs o ON o.id = d.org_id ORDER BY o.name, d.created_at`,
  );
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    org: r.org,
    vesselId: r.vessel_id,
    lastSeenAt: iso(r.last_seen_at),
    revokedAt: iso(r.revoked_at),
    auditHead: auditHeadListing(r),
    auditCopied: r.copied,
    auditWarning: r.audit_went_back_at !== null && r.audit_went_back !== null ? { at: iso(r.audit_went_back_at)!, what: r.audit_went_back } : null,
  }));
}

export async function revokeDevice(store: Sql, id: string): Promise<void> {
  const rows = await store.query('UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id', [id]);
  if (rows.length === 0) throw new SyncError('NOT_FOUND', `No device has the id ${id}.`);
}

/** The device a request's bearer token belongs to, or the refusal in words. */
export async function deviceOfToken(store: Sql, token: string | undefined, serverId: string): Promise<DeviceRow> {
  if (!token) throw new SyncError('UNAUTHORIZED', 'This request carries no device token.');
  if (tokenServerId(token) !== serverId) throw new SyncError('WRONG_SERVER', 'This device was enrolled with another server.');
  const [device] = await store.query<DeviceRow>(
    'SELECT id, name, org_id, vessel_id, last_seq::float8 AS last_seq, revoked_at FROM devices WHERE token_hash = $1',
    [hashSecret(token)],
  );
  if (!device) throw new SyncError('UNAUTHORIZED', 'This device token is not known to the server.');
  if (device.revoked_at !== null) throw new SyncError('DEVICE_REVOKED', 'The office has revoked this device.');
  return device;
}
