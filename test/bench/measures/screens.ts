import type { BenchEnvironment } from '#test/bench/environment.ts';
import type { Row } from '#test/bench/row.ts';

const ddbCount = (res: Response) => Number(/ddb;desc="(\d+)"/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);

/** DynamoDB requests per screen (DESIGN §4), read from each response's Server-Timing. */
export async function measureScreens(env: BenchEnvironment): Promise<Row[]> {
  const url = env.server.url;
  const seller = await env.signIn('seller@demo.test');
  const customer = await env.signIn('ana@demo.test');
  const get = (path: string, cookie?: string) => fetch(`${url}${path}`, cookie ? { headers: { cookie } } : {});
  const list = await (await get('/api/orders?status=open&limit=1', seller)).json();
  const orderId = list.items[0].orderId as string;
  const screens: Array<[string, string, string | undefined, number]> = [
    ['ddb.dashboard', 'Dashboard (open, by due date)', seller, 2],
    ['ddb.dashboard_activity', 'Dashboard (by activity)', seller, 2],
    ['ddb.status_tab', 'Dashboard status tab', seller, 2],
    ['ddb.order_page', 'Order page', seller, 2],
    ['ddb.customer_home', 'Customer home', customer, 2],
    ['ddb.public_form', 'Public request form', undefined, 2],
  ];
  const paths = ['/api/orders?status=open', '/api/orders?status=open&sort=activity', '/api/orders?status=in_design', `/api/orders/${orderId}`, '/api/orders', '/api/shops/demo/intake-form'];
  const rows: Row[] = [];
  for (const [index, [id, label, cookie, budget]] of screens.entries()) {
    const res = await get(paths[index]!, cookie);
    rows.push({ id, label: `DynamoDB requests: ${label}`, value: res.ok ? ddbCount(res) : null, unit: 'requests', budget: { max: budget }, note: res.ok ? undefined : `HTTP ${res.status}` });
  }
  return rows;
}
