// Claude Code's Bash runs only inside the Claude Agent SDK's sandbox, which on Linux needs two
// programs that are not there by default: bubblewrap (bwrap) and socat. Without them the agent
// ends its run in an error result, so a run that allows Bash says so before any call.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The programs the sandbox needs on Linux, by the Debian package that installs each. */
const SANDBOX_PROGRAMS = { bubblewrap: 'bwrap', socat: 'socat' };

/** The command that installs them (Debian, Ubuntu). */
export const INSTALL_SANDBOX = `apt-get install ${Object.keys(SANDBOX_PROGRAMS).join(' ')}`;

/** Whether a program is on the PATH, as an executable file. */
function onPath(program: string, searchPath: string): boolean {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(path.join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The sandbox's packages missing here (none off Linux, where it needs none of them). */
export function missingSandboxPackages(
  searchPath = process.env.PATH ?? '',
  platform = process.platform,
): string[] {
  if (platform !== 'linux') return [];
  return Object.entries(SANDBOX_PROGRAMS)
    .filter(([, program]) => !onPath(program, searchPath))
    .map(([pkg]) => pkg);
}

/** What a run says when participants allowing Bash cannot have the sandbox here, or null. */
export function sandboxProblem(bashParticipants: string[], missing: string[]): string | null {
  if (!bashParticipants.length || !missing.length) return null;
  const who = bashParticipants.map((id) => `participant ${id}`).join(', ');
  return `${who}: bash: true runs Claude Code's Bash in its sandbox, which needs ${missing.join(' and ')} (not installed). Install them with: ${INSTALL_SANDBOX}`;
}
