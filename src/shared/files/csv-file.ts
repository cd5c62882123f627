/**
 * A CSV saved as a file starts with the UTF-8 byte-order mark: Excel on Windows opens a CSV without one in the
 * computer's legacy code page, so "José" would show as "JosÃ©". Every reader of the app's own files skips the
 * mark (text-file.ts). A CSV written to standard output has none: it goes to another program, not a spreadsheet.
 */
export const UTF8_BOM = '\uFEFF';

export const csvForFile = (csv: string): string => (csv.startsWith(UTF8_BOM) ? csv : `${UTF8_BOM}${csv}`);
