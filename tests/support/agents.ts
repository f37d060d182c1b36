// describe() for tests that drive the coding agents through their SDKs: they are not dependencies
// of the site (about 400 MB each), so without them these tests are skipped with one printed line
// saying why. .ci/run installs them and runs these tests.
import { describe } from 'vitest';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers.ts';
import { INSTALL_AGENTS, hasAgent } from '../../src/lib/agents/load.ts';
import { INSTALL_SANDBOX, missingSandboxPackages } from '../../src/lib/agents/sandbox.ts';

export const HAS_AGENTS = hasAgent('claude-code') && hasAgent('codex');

/** Whether Claude Code's Bash sandbox can run here (bubblewrap and socat); .ci/run installs them. */
export const HAS_SANDBOX = missingSandboxPackages().length === 0;
if (HAS_AGENTS && !HAS_SANDBOX)
  console.log(
    `skipped the test of Claude Code's Bash in its sandbox: ${missingSandboxPackages().join(' and ')} not installed (.ci/run installs them: ${INSTALL_SANDBOX})`,
  );

export function describeAgents(name: string, fn: () => void): void {
  if (!HAS_AGENTS)
    console.log(
      `skipped "${name}": the agent SDKs are not installed (not dependencies of the site; .ci/run installs them: ${INSTALL_AGENTS})`,
    );
  // oxlint-disable-next-line vitest/valid-title, vitest/valid-describe-callback -- passed through
  describe.skipIf(!HAS_AGENTS)(name, fn);
}

/** A key and certificate for 127.0.0.1 (openssl), for the double's HTTPS page; `file` is the certificate's path. */
export async function localCertificate(): Promise<{ key: string; cert: string; file: string }> {
  const dir = await tempDir('crossjudge-cert-');
  const [key, file] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      file,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: await fs.readFile(key, 'utf8'), cert: await fs.readFile(file, 'utf8'), file };
}
