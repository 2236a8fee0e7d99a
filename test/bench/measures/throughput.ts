import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { getShopIdBySlug } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { getShop } from '#shared/db/shop.ts';
import { indexes } from '#shared/db/table-schema.ts';
import { createApiDeps } from '#functions/api/deps.ts';
import type { BenchEnvironment } from '#test/bench/environment.ts';
import type { Row } from '#test/bench/row.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = 10;

/** Fills the demo shop up to `total` orders through the real use case, a few at a time. */
async function fillShop(env: BenchEnvironment, total: number): Promise<void> {
  const deps = createApiDeps(env.server.config);
  const shop = (await getShop(deps.db, (await getShopIdBySlug(deps.db, 'demo'))!))!;
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const due = new Date(Date.UTC(2027, 0, 1) + (n % 365) * 86_400_000).toISOString().slice(0, 10);
      await createOrder(deps, { shop, title: `Bench piece ${n}`, customer: { email: `buyer${n % 500}@bench.test`, name: `Buyer ${n % 500}` }, dueDate: due, source: 'manual', actor: { kind: 'system' } });
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

async function cannon(options: autocannon.Options) {
  const result = await autocannon({ connections, duration: seconds, ...options });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Raw DynamoDB Local throughput for the dashboard's own Query, as the ceiling the API works under. */
async function rawQueryRps(env: BenchEnvironment, shopId: string): Promise<number> {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: env.dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
  const deadline = Date.now() + seconds * 1000;
  let count = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      await ddb.send(
        new QueryCommand({
          TableName: env.server.config.tableName,
          IndexName: indexes.gsi3.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': indexes.gsi3.pk },
          ExpressionAttributeValues: { ':pk': `SHOP#${shopId}#OPEN` },
          Limit: 25,
        }),
      );
      count++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  ddb.destroy();
  return Math.round(count / seconds);
}

/** API throughput and latency with 10,000 orders in the shop, beside raw DynamoDB Local. */
export async function measureThroughput(env: BenchEnvironment): Promise<Row[]> {
  await fillShop(env, 10_000);
  const url = env.server.url;
  const cookie = await env.signIn('seller@demo.test');
  const headers = { cookie, origin: url, 'content-type': 'application/json' };
  const list = await (await fetch(`${url}/api/orders?status=open&limit=1`, { headers })).json();
  const orderId = list.items[0].orderId;
  const shopId = (await (await fetch(`${url}/api/me`, { headers })).json()).shop.id as string;

  const raw = await rawQueryRps(env, shopId);
  const dashboard = await cannon({ url: `${url}/api/orders?status=open&limit=25`, headers });
  const order = await cannon({ url: `${url}/api/orders/${orderId}`, headers });
  const write = await cannon({ url: `${url}/api/orders`, method: 'POST', headers, body: JSON.stringify({ title: 'Bench order', customer: { name: 'Bench', email: 'bench@bench.test' } }) });
  const rows: Row[] = [{ id: 'throughput.raw_query_rps', label: 'Raw DynamoDB Local Query (dashboard query), 10 workers', value: raw, unit: 'req/s' }];
  for (const [id, label, r] of [
    ['dashboard', 'Dashboard GET /api/orders', dashboard],
    ['order_page', 'Order page GET /api/orders/{id}', order],
    ['create_order', 'Busiest write POST /api/orders', write],
  ] as const) {
    rows.push({ id: `throughput.${id}.rps`, label: `${label}: requests/s`, value: r.rps, unit: 'req/s', baseline: { label: 'raw Query req/s', value: raw }, note: `${Math.round((r.rps / raw) * 100)}% of raw Query` });
    rows.push({ id: `throughput.${id}.p50`, label: `${label}: p50 latency`, value: r.p50, unit: 'ms' });
    rows.push({ id: `throughput.${id}.p99`, label: `${label}: p99 latency`, value: r.p99, unit: 'ms' });
    rows.push({ id: `throughput.${id}.errors`, label: `${label}: errors and non-2xx`, value: r.errors, unit: 'responses', budget: { max: 0 } });
  }
  return rows;
}
