import { launch } from '/work/main/tests/browser.ts';
import { serve } from '/work/main/tests/serve.ts';
const [root, pathname, out, width, full] = process.argv.slice(2);
const s = await serve(root);
const b = await launch();
const ctx = await b.newContext({ viewport: { width: +width, height: 900 }, colorScheme: (process.env.SCHEME as any) ?? 'light' });
const p = await ctx.newPage();
await p.goto(s.url + pathname); if (process.env.ANCHOR) { await p.evaluate((a) => document.getElementById(a)?.scrollIntoView(), process.env.ANCHOR); }
if (process.env.OPEN) await p.evaluate(() => document.querySelectorAll('details').forEach(d => (d as any).open = true));
await p.screenshot({ path: out, fullPage: full === 'full' });
await b.close(); await s.close();
