import { csvForFile } from '../../shared/files/csv-file';

/** Offers text as a file download (the browser preview and the desktop app alike; no file dialogs needed). */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Offers a CSV the core made as a file download, marked as UTF-8 for spreadsheets. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadText(fileName, csvForFile(csv), 'text/csv;charset=utf-8');
}

/** Offers bytes the core sent as base64 (a PDF) as a file download. */
export function downloadBase64(fileName: string, contentBase64: string, type: string): void {
  downloadBlob(fileName, new Blob([Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0))], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file's bytes as base64, for procedures that take files (decoded strictly on the other side). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
