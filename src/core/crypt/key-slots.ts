import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * Key slots: the data key's private half, wrapped (AES-256-GCM) by a key made from something a person knows — a
 * user's password, the owner's recovery code — or by the operating system's keychain. Each slot opens the same
 * data key; adding, rewrapping or dropping one never touches a stored file.
 */

/**
 * scrypt's cost as log2 of N (r = 8, p = 1): 16 is 64 MiB of memory and about 150 ms on the 2-core test machine,
 * for each sign-in that unlocks the keyring (docs/security.md#the-keys). Each slot records its own cost, so a
 * change here applies to slots written from then on and never locks out an older one.
 */
export const DEFAULT_SLOT_COST = 16;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
const kdfSchema = z.object({ name: z.literal('scrypt'), log2N: z.number().int().min(4).max(20), r: z.literal(8), p: z.literal(1), salt: base64 });
const wrappedSchema = z.object({ kdf: kdfSchema, iv: base64, wrapped: base64, tag: base64 });

export const slotSchema = z.discriminatedUnion('kind', [
  wrappedSchema.extend({ kind: z.literal('password'), userId: z.string().min(1) }),
  wrappedSchema.extend({ kind: z.literal('recovery') }),
  z.object({ kind: z.literal('keychain'), protected: base64 }),
]);
export type Slot = z.infer<typeof slotSchema>;
export type SecretSlot = Extract<Slot, { kind: 'password' | 'recovery' }>;

/** The keyring file: the data key's public half in the clear (sealing needs only it) and the slots. */
export const keyringFileSchema = z.object({
  format: z.literal(1),
  publicKey: base64,
  slots: z.array(slotSchema),
  /** Every file stored before the key existed has been sealed (system/encrypt-at-rest.ts); no need to look again. */
  allFilesSealed: z.boolean().optional(),
});
export type KeyringFile = z.infer<typeof keyringFileSchema>;

function derive(secret: string, salt: Buffer, log2N: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Normalised as accounts normalise passwords (users/passwords.ts): what signs in also opens.
    scrypt(secret.normalize('NFC'), salt, 32, { N: 2 ** log2N, r: 8, p: 1, maxmem: 2 ** (log2N + 11) }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * A recovery code as accounts compare it (users/passwords.ts normalRecoveryCode): letters and digits, upper case,
 * so "abcde-fghij" typed by the owner opens what "ABCDE-FGHIJ" as shown wrapped.
 */
export const normalRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** What a slot is bound to: a slot copied onto another user, or turned into the recovery slot, does not open. */
const slotAad = (slot: { kind: 'password'; userId: string } | { kind: 'recovery' }, publicKey: Buffer) =>
  Buffer.concat([Buffer.from(slot.kind === 'password' ? `password:${slot.userId}` : 'recovery'), publicKey]);

export async function wrapWithSecret(
  target: { kind: 'password'; userId: string } | { kind: 'recovery' },
  secret: string,
  privateKey: Buffer,
  publicKey: Buffer,
  log2N: number,
): Promise<SecretSlot> {
  const salt = randomBytes(16);
  const kek = await derive(target.kind === 'recovery' ? normalRecoveryCode(secret) : secret, salt, log2N);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(slotAad(target, publicKey));
  const wrapped = Buffer.concat([cipher.update(privateKey), cipher.final()]);
  const kdf = { name: 'scrypt' as const, log2N, r: 8 as const, p: 1 as const, salt: salt.toString('base64') };
  const body = { kdf, iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  return target.kind === 'password' ? { kind: 'password', userId: target.userId, ...body } : { kind: 'recovery', ...body };
}

/** The private key a slot wraps, or null when the secret is not the one it was wrapped with. */
export async function unwrapWithSecret(slot: SecretSlot, secret: string, publicKey: Buffer): Promise<Buffer | null> {
  const kek = await derive(slot.kind === 'recovery' ? normalRecoveryCode(secret) : secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf.log2N);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(slotAad(slot, publicKey));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
