// The workshop console, its own process, in a real browser (Debian's Chromium through playwright-core,
// at a presenter's 1400x900) against a private test system: what a presenter does from the page, what
// the room must see happen, and that the console taps Kafka only while a page is open.
// The functions passed to page.evaluate and $$eval run in the page, with the DOM's types:
/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { GatewayClient } from '@saga/client';
import { Topics } from '@saga/shared';
import { NO_CHROMIUM_MESSAGE, chromiumPath, launchBrowser, type TestBrowser } from '../support/browser';
import { connectedProducer, testKafka } from '../support/helpers';
import { http, startTestSystem, type TestSystem } from '../support/system';

// The workshop page's screenshot (docs/console.png) is this test's: `UPDATE_CONSOLE_SCREENSHOT=1` writes it into docs/, otherwise it
// goes to a temp file, so a test run does not leave the checkout modified.
const SCREENSHOT = process.env.UPDATE_CONSOLE_SCREENSHOT
  ? path.resolve(__dirname, '../../docs/console.png')
  : path.join(os.tmpdir(), 'saga-console.png');
// Long enough that a dead letter replayed by hand, or an outage, ends CONFIRMED rather than TIMED_OUT.
const ORDER_TIMEOUT_MS = 90_000;
const SAGA_MS = 45_000;
/** The console's grace period after the last page (5 s) plus the time to leave and delete the group. */
const TAP_STOP_MS = 20_000;

let system: TestSystem;
let browser: TestBrowser;
let page: Page;

const describeWithBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) console.warn(`console browser tests skipped: ${NO_CHROMIUM_MESSAGE}`);

/** The console's tap groups on the broker: one while a page is open, none otherwise. */
async function tapGroups(): Promise<string[]> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    return groups.map((group) => group.groupId).filter((id) => id.startsWith('workshop-console-tap-'));
  } finally {
    await admin.disconnect();
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Clicks a "place order" button; answers the id of the order placed and the Idempotency-Key the click sent. */
async function placeWithKey(kind: 'normal' | 'declined' | 'unshippable') {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/actions/orders') && r.request().method() === 'POST'),
    page.click(`[data-place="${kind}"]`),
  ]);
  expect(response.status()).toBe(202);
  const { orderId } = (await response.json()) as { orderId: string };
  return { orderId, idempotencyKey: response.request().headers()['idempotency-key'] };
}

const place = async (kind: 'normal' | 'declined' | 'unshippable') => (await placeWithKey(kind)).orderId;

/** What "Breakers and pauses" said whenever it said something was not answering (see watchBreakers). */
const notAnswering = () => page.evaluate(() => (window as unknown as { notAnswering: string[] }).notAnswering);

const sagaStatus = (status: string) =>
  page.waitForSelector(`#saga-status[data-status="${status}"]`, { timeout: SAGA_MS });

async function setFaults(provider: 'payment' | 'carrier', switches: { down?: boolean; rejectAll?: boolean }) {
  const form = `form.faults[data-provider="${provider}"]`;
  for (const [name, on] of Object.entries(switches)) await page.setChecked(`${form} input[name="${name}"]`, on);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/faults/${provider}`) && r.ok()),
    page.click(`${form} button[type="submit"]`),
  ]);
}

async function resetFaults(provider: 'payment' | 'carrier') {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/faults/${provider}`) && r.ok()),
    page.click(`form.faults[data-provider="${provider}"] button.reset`),
  ]);
}

describeWithBrowser('the workshop console in a browser', () => {
  beforeAll(async () => {
    system = await startTestSystem({ ORDER_TIMEOUT_MS: String(ORDER_TIMEOUT_MS), BREAKER_RESET_MS: '1500' });
    // No page yet: the console reads nothing from Kafka.
    expect(await tapGroups()).toEqual([]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    // The old address, as in a workshop's notes: the gateway redirects to the console's own origin.
    await page.goto(`${system.gatewayUrl}/console/`);
    expect(page.url()).toBe(`${system.consoleUrl}/`);
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 60_000 });
    // `live` means the tap has joined: its group is there, and it is the only one.
    expect(await tapGroups()).toHaveLength(1);
    // Every text "Breakers and pauses" shows that says a part is not answering, for the whole file.
    await page.evaluate(() => {
      const breakers = document.getElementById('breakers')!;
      const seen: string[] = [];
      (window as unknown as { notAnswering: string[] }).notAnswering = seen;
      new MutationObserver(() => {
        if (breakers.textContent?.includes('not answering')) seen.push(breakers.textContent);
      }).observe(breakers, { childList: true, subtree: true, characterData: true });
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.system.stop();
  });

  it('shows an order placed from the page arriving live, its swimlane ending CONFIRMED, without polling', async () => {
    const orderId = await place('normal');

    await sagaStatus('CONFIRMED');
    const rows = page.locator(`#stream li.event[data-order="${orderId}"]`);
    const types = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));
    expect(types).toEqual(
      expect.arrayContaining(['PlaceOrder', 'OrderPlaced', 'StockReserved', 'PaymentCompleted', 'ShipmentScheduled']),
    );
    // From the broker's timestamp to the row on screen: "live" means within a second.
    const delays = await rows.evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-delay-ms'))));
    console.log(`console delay per event (ms): ${delays.join(', ')}`);
    expect(Math.max(...delays)).toBeLessThan(1_000);
    for (const type of ['StockReserved', 'PaymentCompleted', 'ShipmentScheduled', 'OrderConfirmed']) {
      await page.waitForSelector(`.lanes[data-order="${orderId}"] .step[data-type="${type}"]`);
    }
    // The History tab shows the order's event-sourced stream, read when the tab opens: the last version
    // is the confirmation, with the state after it.
    await page.click('[data-tab="history"]');
    const last = page.locator('#history ol.history > li').last();
    await last.filter({ hasText: 'OrderConfirmed' }).waitFor();
    expect(await last.textContent()).toContain('state after it: CONFIRMED');
    await page.click('[data-tab="saga"]');

    // Everything after this arrives on the one open stream: the page sends no request of its own.
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.waitForTimeout(3_000);
    page.removeAllListeners('request');
    expect(requests.map((request) => request.url())).toEqual([]);
  });

  it("places an order through the gateway's POST /orders, with one Idempotency-Key per click", async () => {
    const first = await placeWithKey('normal');
    const second = await placeWithKey('normal');
    expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);

    // The same click again (a retried request): the gateway's idempotency store answers the same order.
    const retried = await http<{ orderId: string }>(
      'POST',
      `${system.consoleUrl}/api/actions/orders`,
      { kind: 'normal' },
      { 'Idempotency-Key': first.idempotencyKey! },
    );
    expect(retried.status).toBe(202);
    expect(retried.body.orderId).toBe(first.orderId);
    const order = await new GatewayClient(system.gatewayUrl, system.credentials).terminal(first.orderId, SAGA_MS);
    expect(order).toMatchObject({ customerId: 'workshop-console', status: 'CONFIRMED' });
  });

  it('fits every label on the map inside its box, and no two boxes overlap', async () => {
    const nodes = await page.$$eval('#map .node', (groups) =>
      groups.map((group) => {
        const box = group.querySelector('rect')!.getBBox();
        // Plain numbers: a DOMRect itself would cross back from the page as {}.
        const texts = Array.from(group.querySelectorAll('text'), (text) => {
          const { x, width } = text.getBBox();
          return { x, width };
        });
        return { id: group.getAttribute('data-node'), box: { x: box.x, y: box.y, width: box.width }, texts };
      }),
    );
    expect(nodes.map((node) => node.id)).toContain('inventory.commands');
    expect(nodes.every((node) => node.texts[0]!.width > 0)).toBe(true);
    // Clear of the border by a few units: a label flush with it reads as spilling over at a projector's scale.
    const margin = 4;
    for (const { id, box, texts } of nodes) {
      for (const text of texts.filter((bounds) => bounds.width > 0)) {
        const left = text.x >= box.x + margin;
        const right = text.x + text.width <= box.x + box.width - margin;
        expect({ id, left, right }).toEqual({
          id,
          left: true,
          right: true,
        });
      }
    }
    for (const y of new Set(nodes.map((node) => node.box.y))) {
      const byX = nodes.filter((node) => node.box.y === y).sort((a, b) => a.box.x - b.box.x);
      for (let i = 1; i < byX.length; i++) {
        const [left, right] = [byX[i - 1]!, byX[i]!];
        expect({ between: `${left.id}|${right.id}`, apart: left.box.x + left.box.width <= right.box.x }).toEqual({
          between: `${left.id}|${right.id}`,
          apart: true,
        });
      }
    }
  });

  it('shows the compensation of a declined order', async () => {
    const orderId = await place('declined');

    await sagaStatus('CANCELLED');
    const lanes = `.lanes[data-order="${orderId}"]`;
    await page.waitForSelector(`${lanes} .step.compensation[data-type="StockReleased"]`);
    await page.waitForSelector(`${lanes} .step.compensation[data-type="OrderCancelled"]`);
    expect(await page.locator(`${lanes} .step.compensation[data-type="PaymentFailed"]`).count()).toBe(0);
    await page.waitForTimeout(1_200); // one stats tick, so the screenshot shows rates and breakers
    await page.screenshot({ path: SCREENSHOT });
    // Every service answered all along: the panel never said otherwise, not even for one sample.
    expect(await page.locator('#breakers li.breaker').count()).toBeGreaterThanOrEqual(2);
    expect(await notAnswering()).toEqual([]);
  });

  it('shows garbage bytes as undecodable, and parked on a dead-letter topic', async () => {
    const key = `poison-${randomUUID().slice(0, 8)}`;
    await page.fill('#filter', ''); // the stream was filtered to the last order placed
    const producer = await connectedProducer(testKafka());
    await producer.send({
      topic: Topics.paymentEvents,
      messages: [{ key, value: Buffer.from('definitely not avro') }],
    });
    await page.waitForSelector(`#stream li.poison[data-type="undecodable"][data-order="${key}"]`);
    await page.waitForSelector(`#stream li.poison[data-type="dead-letter"][data-order="${key}"]`, { timeout: SAGA_MS });
    await page.waitForSelector('#map .dead-letter-topic.has-letters');
  });

  it('parks a record that fails for good on the dead-letter view, and replays it once the cause is fixed', async () => {
    await setFaults('payment', { rejectAll: true });
    const orderId = await place('normal');
    await page.click('[data-tab="dead-letters"]');
    await page.selectOption('#dlt-group', 'payment-service');
    const letter = page.locator(`li.dead-letter[data-order="${orderId}"]`);
    await letter.waitFor({ timeout: SAGA_MS });
    expect(await letter.locator('.error-type').textContent()).toMatch(/^SAGA_/);
    expect(await letter.locator('dl').textContent()).toContain('dlt.original.topic');

    await resetFaults('payment');
    await letter.locator('button.replay').click();
    await letter.locator('button.replay', { hasText: 'Replayed to inventory.events' }).waitFor();

    await page.click('[data-tab="saga"]');
    await sagaStatus('CONFIRMED');
  });

  it('shows the payment breaker open during a provider outage, and closed once it is back', async () => {
    await setFaults('payment', { down: true });
    let orderId = '';
    for (let i = 0; i < 4; i++) orderId = await place('normal');
    await page.waitForSelector('#breakers li.breaker[data-state="open"]', { timeout: SAGA_MS });
    expect(await page.locator('#breakers li.breaker[data-state="open"]').textContent()).toContain('payment');
    await page.waitForSelector('#map .node.breaker-open[data-node="payment-service"]');
    await page.waitForSelector('#breakers li.pauses[data-service="payment"]:not(:has-text(" 0 partition"))');

    await resetFaults('payment');
    await page.waitForSelector('#breakers li.breaker[data-state="closed"]:has-text("payment")', { timeout: SAGA_MS });
    expect(await page.locator('#breakers li.breaker[data-state="open"]').count()).toBe(0);
    await page.click(`#stream button[data-order-link="${orderId}"] >> nth=0`);
    await sagaStatus('CONFIRMED');
  });

  it('stops its tap, deleting the group, once the last page has closed', async () => {
    expect(await notAnswering()).toEqual([]);
    await page.close();

    await waitFor(async () => ((await tapGroups()).length === 0 ? true : undefined), TAP_STOP_MS);
  });
});
