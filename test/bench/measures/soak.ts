import autocannon from 'autocannon';
import type { BenchEnvironment } from '#test/bench/environment.ts';
import type { Row } from '#test/bench/row.ts';

const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 5);

/**
 * Mixed reads and writes for several minutes against the in-process server, sampling its heap
 * (after a forced GC when Node runs with --expose-gc) every 10 s.
 */
export async function measureSoak(env: BenchEnvironment): Promise<Row[]> {
  const url = env.server.url;
  const cookie = await env.signIn('seller@demo.test');
  const headers = { cookie, origin: url, 'content-type': 'application/json' };
  const orderId = (await (await fetch(`${url}/api/orders?status=open&limit=1`, { headers })).json()).items[0].orderId;
  const heap = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const samples: Array<{ at: number; mb: number }> = [];
  const started = Date.now();
  const timer = setInterval(() => samples.push({ at: Date.now() - started, mb: heap() }), 10_000);
  const result = await autocannon({
    url,
    connections: 8,
    duration: minutes * 60,
    requests: [
      { method: 'GET', path: '/api/orders?status=open&limit=25', headers },
      { method: 'GET', path: `/api/orders/${orderId}`, headers },
      { method: 'POST', path: '/api/orders', headers, body: JSON.stringify({ title: 'Soak order', customer: { name: 'Soak', email: 'soak@bench.test' } }) },
    ],
  });
  clearInterval(timer);
  const afterWarmUp = samples.find((s) => s.at >= 60_000)?.mb ?? samples[0]?.mb ?? heap();
  const end = heap();
  return [
    { id: 'soak.requests', label: `Soak (${minutes} min): requests served`, value: result.requests.total, unit: 'requests' },
    { id: 'soak.errors', label: `Soak (${minutes} min): errors and non-2xx`, value: result.errors + result.non2xx, unit: 'responses', budget: { max: 0 } },
    { id: 'soak.heap_growth_mb', label: `Soak: heap growth after the first minute${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: noisy)'}`, value: Math.round((end - afterWarmUp) * 10) / 10, unit: 'MB', budget: { max: 50 } },
  ];
}
