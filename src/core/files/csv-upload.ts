import type { ImportProblem } from '../../shared/api';
import { decodeText, TextFileError } from '../../shared/files/text-file';
import { readCsvInSlices, type CsvTable } from '../../engine/csv';
import { yieldToEventLoop, type TaskHandle } from '../api/tasks';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).replace(/\.$/, '');

/**
 * An uploaded CSV for an import (people, questionnaire results): decoded strictly, then read in slices that
 * let other calls in between and honour Cancel. A problem with the file as a whole (encoding, CSV structure,
 * a size limit) comes back as the report's file problem, naming the line.
 */
export async function readUploadedCsv(bytes: Uint8Array, task?: TaskHandle, source = 'the file'): Promise<CsvTable | ImportProblem> {
  if (bytes.length === 0) return { line: null, column: null, message: 'The file is empty' };
  try {
    const text = decodeText(bytes, source);
    return await readCsvInSlices(text, {
      source,
      pause: async () => {
        await yieldToEventLoop();
        task?.throwIfCancelled();
      },
    });
  } catch (error) {
    if (error instanceof TextFileError) return { line: error.line, column: null, message: sentence(error.reason) };
    throw error;
  }
}
