// astro.config.mjs bundles the site's configuration and the collection's loader with esbuild, and
// `astro build` gives the content configuration's server the bundled loader (prebundle.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const config = (await import('../astro.config.mjs')).default;
const integrations = config.integrations as AstroIntegration[];

/** The Vite plugins the prebundled-lib integration adds for a command. */
function pluginsFor(command: 'build' | 'dev'): Plugin[] {
  const added: Plugin[] = [];
  const setup = integrations.find((i) => i.name === 'crossjudge:prebundled-lib')!.hooks[
    'astro:config:setup'
  ] as unknown as (o: object) => void;
  setup({
    command,
    updateConfig: (c: { vite: { plugins: Plugin[] } }) => added.push(...c.vite.plugins),
  });
  return added;
}

/** What the collection plugin resolves an import to, in a server started by `command`. */
async function resolved(plugin: Plugin, command: 'serve' | 'build', target: string) {
  (plugin.configResolved as (c: object) => void)({ command });
  const context = { resolve: async () => ({ id: target }) };
  const resolveId = plugin.resolveId as unknown as (
    this: typeof context,
    ...a: unknown[]
  ) => Promise<{ id: string; external: boolean } | null>;
  return resolveId.call(
    context,
    './lib/site/collection.ts',
    path.resolve('src/content.config.ts'),
    {},
  );
}

describe('the bundled configuration', () => {
  it('holds the crossjudge integrations', () => {
    const names = integrations.map((i) => i.name);
    for (const name of [
      'crossjudge:prepare-early',
      'crossjudge:search-index',
      'crossjudge:prebundled-lib',
    ])
      expect(names).toContain(name);
  });

  it("gives a build's content server the bundled loader, and nothing else", async () => {
    const collection = pluginsFor('build').find((p) => p.name === 'crossjudge:bundled-collection')!;
    const loader = path.resolve('src/lib/site/collection.ts');
    const bundled = await resolved(collection, 'serve', loader);
    expect(bundled?.external).toBe(true);
    expect(bundled!.id).toMatch(
      /node_modules\/\.cache\/crossjudge-config\/[0-9a-f]{16}\/collection\.mjs$/,
    );
    expect(existsSync(bundled!.id)).toBe(true);
    // another module, or Vite's build of the pages (prebundle.ts's own plugin takes those)
    expect(await resolved(collection, 'serve', path.resolve('src/lib/site/loader.ts'))).toBeNull();
    expect(await resolved(collection, 'build', loader)).toBeNull();
  });

  it('leaves `astro dev` to load the loader through Vite', () => {
    expect(pluginsFor('dev').map((p) => p.name)).not.toContain('crossjudge:bundled-collection');
  });
});
