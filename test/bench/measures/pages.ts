import { AxeBuilder } from '@axe-core/playwright';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { launchBrowser } from '#test/helpers/browser.ts';
import { chromiumPath } from '#test/setup/ensure-chromium.ts';
import type { BenchEnvironment } from '#test/bench/environment.ts';
import type { Row } from '#test/bench/row.ts';

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Lighthouse (performance, accessibility) and axe on the pages DESIGN §11 names: sign-in,
 * dashboard, order, and the customer's pages (their home, the shop's request page where they
 * arrive from Etsy, and an order as they see it, with a proof waiting for their decision).
 */
export async function measurePages(env: BenchEnvironment): Promise<Row[]> {
  const url = env.server.url;
  const seller = await env.signIn('seller@demo.test');
  const customer = await env.signIn('ana@demo.test');
  const orders = await (await fetch(`${url}/api/orders?status=awaiting_approval&limit=1`, { headers: { cookie: seller } })).json();
  const anasOrders = (await (await fetch(`${url}/api/orders`, { headers: { cookie: customer } })).json()) as { items: Array<{ orderId: string; status: string }> };
  const waitingForAna = anasOrders.items.find((o) => o.status === 'awaiting_approval')!;
  const pages: Array<{ id: string; label: string; path: string; cookie?: string; ready: string }> = [
    { id: 'sign_in', label: 'sign-in', path: '/sign-in', ready: 'h1' },
    { id: 'dashboard', label: 'dashboard', path: '/dashboard', cookie: seller, ready: '.order-list' },
    { id: 'order', label: 'order', path: `/orders/${orders.items[0].orderId}`, cookie: seller, ready: '.timeline' },
    { id: 'customer_home', label: 'customer home', path: '/home', cookie: customer, ready: '.order-list' },
    { id: 'request', label: 'request page', path: '/s/demo', ready: 'form' },
    { id: 'customer_order', label: 'customer’s order', path: `/orders/${waitingForAna.orderId}`, cookie: customer, ready: '.decide' },
  ];
  const rows: Row[] = [];

  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: flags });
  try {
    for (const page of pages) {
      // Lighthouse's simulated throttling still feels a busy 2-core machine: the median of three runs.
      const runs: Array<Awaited<ReturnType<typeof lighthouse>>> = [];
      for (let i = 0; i < 3; i++) {
        runs.push(
          await lighthouse(`${url}${page.path}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
          }),
        );
      }
      const scores = (key: 'performance' | 'accessibility') =>
        runs.map((r) => r?.lhr.categories[key]?.score).filter((s): s is number => typeof s === 'number').map((s) => Math.round(s * 100)).sort((a, b) => a - b);
      const score = (key: 'performance' | 'accessibility') => scores(key)[1] ?? scores(key)[0] ?? null;
      const result = runs[0];
      const failed = result?.lhr.audits ? Object.values(result.lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary').map((a) => a.id) : [];
      rows.push({ id: `lighthouse.performance.${page.id}`, label: `Lighthouse performance: ${page.label} (median of 3)`, value: score('performance'), unit: '/100', budget: { min: 95 }, note: `runs: ${scores('performance').join(', ')}` });
      rows.push({ id: `lighthouse.accessibility.${page.id}`, label: `Lighthouse accessibility: ${page.label}`, value: score('accessibility'), unit: '/100', budget: { min: 100 }, note: failed.length ? `failing: ${failed.slice(0, 4).join(', ')}` : undefined });
    }
  } finally {
    await chrome.kill();
  }

  const browser = await launchBrowser();
  try {
    for (const page of pages) {
      const context = await browser.newContext();
      if (page.cookie) {
        await context.addCookies(page.cookie.split('; ').map((pair) => ({ name: pair.split('=')[0]!, value: pair.slice(pair.indexOf('=') + 1), url })));
      }
      const tab = await context.newPage();
      await tab.goto(`${url}${page.path}`);
      await tab.waitForSelector(page.ready);
      const { violations } = await new AxeBuilder({ page: tab as never }).analyze();
      rows.push({ id: `axe.${page.id}`, label: `axe violations: ${page.label}`, value: violations.length, unit: 'violations', budget: { max: 0 }, note: violations.length ? violations.map((v) => v.id).join(', ') : undefined });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
