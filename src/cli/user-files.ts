import { closeSync, existsSync, fsyncSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError, copyDurably, renameDurably } from '../core/core';

/**
 * Where a command writes a file a person named: a folder means "into this folder, under `defaultName`". Refuses,
 * before any work is done, a missing folder and (without `force`) a file that is already there.
 */
export function outputPath(named: string, defaultName: string, force: boolean): string {
  let target = resolve(named);
  if (existsSync(target) && statSync(target).isDirectory()) target = join(target, defaultName);
  const folder = dirname(target);
  if (!existsSync(folder)) throw new AppError('NOT_FOUND', `The folder ${folder} does not exist.`);
  if (!statSync(folder).isDirectory()) throw new AppError('VALIDATION', `${folder} is a file, not a folder.`);
  if (existsSync(target)) {
    if (!statSync(target).isFile()) throw new AppError('VALIDATION', `${target} is not a plain file; name a file to write.`);
    if (!force) throw new AppError('CONFLICT', `${target} already exists. Add --force to replace it.`);
  }
  return target;
}

/**
 * Copies to a file a person named, whole or not at all: written beside it under a temporary name, flushed, then
 * renamed into place — an existing file (replaced with `force`) is never left half-overwritten.
 */
export function copyToUserFile(source: string, target: string, force: boolean): void {
  const temporary = `${target}.${process.pid}.partial`;
  try {
    copyDurably(source, temporary, { exclusive: true });
    if (!force && existsSync(target)) throw new AppError('CONFLICT', `${target} already exists. Add --force to replace it.`);
    renameDurably(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Writes text to a file a person named (checked with `outputPath` first), whole or not at all, as
 * `copyToUserFile` copies: an export cut off midway never leaves half a file where the old one was.
 */
export function writeUserFile(target: string, text: string, force: boolean): void {
  const temporary = `${target}.${process.pid}.partial`;
  try {
    const fd = openSync(temporary, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!force && existsSync(target)) throw new AppError('CONFLICT', `${target} already exists. Add --force to replace it.`);
    renameDurably(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}
