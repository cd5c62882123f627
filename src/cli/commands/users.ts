import { parseArgs } from 'node:util';
import type { User } from '../../shared/api/auth';
import { ROLES, roleSchema } from '../../shared/auth/roles';
import { DEPARTMENTS, type Department } from '../../shared/domain/crew';
import { words } from '../../shared/words';
import type { Core } from '../../core/core';
import { AppError } from '../../core/core';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { withCore } from '../with-core';

/** A password given on standard input: its first line, as `echo "$PW" | harmony users add …` gives it. */
export async function passwordFromStdin(io: CliIo, what: string): Promise<string> {
  const text = await io.readStdin();
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new UsageError(`Give ${what} on standard input, e.g. printf '%s\\n' "$PASSWORD" | harmony …`);
  return password;
}

async function userNamed(core: Core, name: string): Promise<User> {
  const user = (await core.call('users.list', { includeRemoved: true })).find((u) => u.username.toLowerCase() === name.toLowerCase());
  if (!user) throw new AppError('NOT_FOUND', `There is no user named ${name}. \`harmony users list\` lists them.`);
  return user;
}

function describe(user: User): string {
  const vessels = user.scope.vesselIds === null ? 'every vessel' : `vessels ${user.scope.vesselIds.join(', ')}`;
  const department = user.scope.department ? `, ${words.departments[user.scope.department]}` : '';
  const removed = user.removedAt ? ' (removed)' : '';
  return `${user.username}\t${user.displayName}\t${words.roles[user.role]}\t${vessels}${department}${removed}`;
}

export const usersCommand: CliCommand = {
  name: 'users',
  summary: 'Add, list, reset the password of, or remove the users of this computer',
  usage: `harmony users add NAME --role ROLE [--vessel ID…] [--department D] [--name "Display Name"] [--data-dir DIR]
harmony users list [--removed] [--data-dir DIR]
harmony users reset-password NAME [--data-dir DIR]
harmony users remove NAME [--data-dir DIR]

Signs in with HARMONY_USER and HARMONY_PASSWORD (or asks on a terminal) as the owner or an administrator.
add             creates a user; the password is read from standard input. ROLE is one of
                ${ROLES.join(', ')}. Without --vessel the user sees every vessel; --vessel
                (repeatable) narrows them to those vessels, --department to a department (${DEPARTMENTS.join(', ')}).
reset-password  sets a new password read from standard input; the user's sessions end.
remove          the user can no longer sign in; their name stays in the audit log.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        role: { type: 'string' },
        vessel: { type: 'string', multiple: true },
        department: { type: 'string' },
        name: { type: 'string' },
        removed: { type: 'boolean' },
      },
    });
    const [action, name, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    if (action === 'list') {
      if (name !== undefined) throw new UsageError('`harmony users list` takes no name');
    } else if (action === 'add' || action === 'reset-password' || action === 'remove') {
      if (name === undefined) throw new UsageError(`Name the user: harmony users ${action} NAME`);
    } else {
      throw new UsageError('Say add, list, reset-password or remove.');
    }
    let role: (typeof ROLES)[number] | undefined;
    let department: Department | null = null;
    if (action === 'add') {
      const parsed = roleSchema.safeParse(values.role);
      if (!parsed.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}${values.role ? `, not "${values.role}"` : ''}`);
      role = parsed.data;
      if (values.department !== undefined) {
        if (!(DEPARTMENTS as readonly string[]).includes(values.department)) throw new UsageError(`--department must be one of ${DEPARTMENTS.join(', ')}, not "${values.department}"`);
        department = values.department as Department;
      }
    }
    // Read before signing in: standard input holds the new user's password, the signed-in one comes from the environment.
    const password = action === 'add' || action === 'reset-password' ? await passwordFromStdin(io, action === 'add' ? 'the new user’s password' : 'the new password') : null;

    return withCore(io, values['data-dir'], async (core) => {
      if (action === 'list') {
        for (const user of await core.call('users.list', { includeRemoved: values.removed ?? false })) io.out(describe(user));
        return EXIT.ok;
      }
      if (action === 'add') {
        const created = await core.call('users.create', {
          username: name!,
          displayName: values.name ?? name!,
          role: role!,
          scope: { vesselIds: values.vessel && values.vessel.length > 0 ? values.vessel : null, department },
          personId: null,
          password: password!,
        });
        io.out(`Added ${describe(created)}`);
        return EXIT.ok;
      }
      const user = await userNamed(core, name!);
      if (action === 'reset-password') {
        await core.call('users.resetPassword', { id: user.id, newPassword: password! });
        io.out(`Set a new password for ${user.username}; their sessions have ended.`);
        return EXIT.ok;
      }
      await core.call('users.remove', { id: user.id });
      io.out(`Removed ${user.username}: they can no longer sign in.`);
      return EXIT.ok;
    });
  },
};
