import sharp from 'sharp';
import { documentCases } from '../fixtures/documents/cases';
import { AS_OF } from '../fixtures/documents/corpus';
import { labelledSvg, passportSvg } from '../fixtures/documents/templates';

/** One clean page of the fixture corpus (test/fixtures/documents), rendered as PNG without building the corpus. */
export async function documentImage(caseId: string): Promise<Buffer> {
  const found = documentCases(AS_OF).find((c) => c.id === caseId);
  if (!found) throw new Error(`No fixture document ${caseId}`);
  const svg = found.passport ? passportSvg(found.passport) : labelledSvg(found.labelled!).svg;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The holder of the corpus's first passport (Jörg Peter Müller-Lüdenscheid), as a person to create. */
export const PASSPORT_HOLDER = { givenNames: 'Jörg Peter', surname: 'Müller-Lüdenscheid', dateOfBirth: '1985-03-14' } as const;
