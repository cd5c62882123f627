import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeText, TextFileError } from '../../../src/shared/files/text-file';

/** Every text file the app reads goes through decodeText: UTF-8 or UTF-16 with a BOM, anything else refused. */
const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
};

function refusal(bytes: Uint8Array, source = 'people.csv'): TextFileError {
  try {
    decodeText(bytes, source);
  } catch (error) {
    if (error instanceof TextFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 either way round with one', () => {
    const text = 'given_names,surname\nJosé,Núñez\nZoë,Øster\n';
    expect(decodeText(Buffer.from(text), 'a.csv')).toBe(text);
    expect(decodeText(Buffer.from(`\uFEFF${text}`), 'a.csv')).toBe(text);
    expect(decodeText(utf16(text, false), 'a.csv')).toBe(text);
    expect(decodeText(utf16(text, true), 'a.csv')).toBe(text);
  });

  it('refuses a Latin-1 “José”, naming the file, the line and where on it, with the way out', () => {
    const latin1 = Buffer.from('given_names,surname,date_of_birth\nAnna,Berg,1990-01-01\nJos\xe9,P\xe9rez,1990-01-01\n', 'latin1');
    const error = refusal(latin1);
    expect(error.source).toBe('people.csv');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^people\.csv, line 3: the file is not UTF-8 text/);
    expect(error.reason).toContain('after “Jos”');
    expect(error.reason).toContain('it would read “é”');
    expect(error.reason).toContain('CSV UTF-8');
  });

  it('finds the first bad byte after a replacement character the file really holds', () => {
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb\nc'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(refusal(bytes).line).toBe(2);
  });

  it('refuses binary files: random bytes, zeros (/dev/zero), a PNG', () => {
    expect(refusal(randomBytes(4096)).message).toMatch(/not UTF-8 text/);
    const zeros = refusal(new Uint8Array(1024));
    expect(zeros.line).toBe(1);
    expect(zeros.reason).toMatch(/not a text file/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(refusal(png).message).toMatch(/not UTF-8 text|not a text file/);
  });

  it('refuses text with a zero byte in it, naming its line', () => {
    expect(refusal(Buffer.from('id,i1\np1,3\np2,\u00004\n')).line).toBe(3);
  });

  it('refuses a UTF-16 mark followed by broken UTF-16', () => {
    expect(refusal(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00])).reason).toMatch(/not valid UTF-16/);
  });
});
