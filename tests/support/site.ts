// A built site for the end-to-end tests: content written by `fill` into a temporary folder, built
// (and indexed for search), served on 127.0.0.1 and read in Chromium.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser.ts';
import { serve } from './serve.ts';
import { buildSite } from './build.ts';
import { tempDir } from './helpers.ts';

export interface TestSite {
  /** The temporary folder: content/, dist/ and cache/ inside. */
  root: string;
  url: string;
  browser: Browser;
  open: (pathname: string, options?: { width?: number; dark?: boolean }) => Promise<Page>;
  close: () => Promise<void>;
}

export async function startSite(fill: (content: string) => Promise<void>): Promise<TestSite> {
  const root = await tempDir('crossjudge-e2e-');
  const content = path.join(root, 'content');
  await fs.mkdir(path.join(content, 'experiments'), { recursive: true });
  await fill(content);
  await buildSite(content, path.join(root, 'dist'), path.join(root, 'cache'));
  const server = await serve(path.join(root, 'dist'));
  const browser = await launch();
  return {
    root,
    url: server.url,
    browser,
    open: (pathname, o = {}) => openPage(browser, server.url + pathname, o),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
