import type { Person } from '../../shared/api';
import { MAX_PHOTO_BYTES } from '../../shared/api';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { getPersonRow, setPhotoHash } from './service';

/** Photos are kept small (yacht CVs travel over slow links, docs/domain.md#recruitment): at most 600 px, JPEG. */
const PHOTO_EDGE = 600;

export async function setPhoto(ctx: ServiceContext, id: string, contentBase64: string | null): Promise<Person> {
  getPersonRow(ctx, id);
  if (contentBase64 === null) return setPhotoHash(ctx, id, null);
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The photo is empty', { issues: [{ path: 'contentBase64', message: 'The photo is empty' }] });
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('VALIDATION', 'The photo is larger than 10 MB', { issues: [{ path: 'contentBase64', message: 'At most 10 MB' }] });
  // sharp is native and slow to load: only when a photo arrives.
  const { default: sharp } = await import('sharp');
  let jpeg: Buffer;
  try {
    jpeg = await sharp(bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(PHOTO_EDGE, PHOTO_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    const message = 'Not a picture this program can read (use JPEG, PNG or WebP)';
    throw new AppError('VALIDATION', message, { issues: [{ path: 'contentBase64', message }] });
  }
  const hash = ctx.state.files.put(jpeg);
  return setPhotoHash(ctx, id, hash);
}

export function photoDataUrl(ctx: ServiceContext, id: string): { dataUrl: string | null } {
  const person = getPersonRow(ctx, id);
  // A photo taken on another computer shows once sync has fetched it.
  if (person.photoHash === null || !ctx.state.files.has(person.photoHash)) return { dataUrl: null };
  const bytes = ctx.state.files.get(person.photoHash);
  return { dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}` };
}
