import { readFileSync } from 'node:fs';

/**
 * The fields of a `/proc/<pid>/stat` or `/proc/<pid>/task/<tid>/stat` file after the name (Linux, proc(5)): index 0
 * is field 3 (state), 1 the parent's pid, 16 the nice value. The name, in parentheses, may hold spaces, so the
 * fields start after its last `)`.
 */
export function procStatFields(file: string): string[] {
  const stat = readFileSync(file, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
