// The workshop console in a real browser (Debian's Chromium through playwright-core) against a private
// test system: what a presenter does from the page, and what the room must see happen.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { Topics } from '@saga/shared';
import { NO_CHROMIUM_MESSAGE, chromiumPath, launchBrowser, type TestBrowser } from '../support/browser';
import { connectedProducer, testKafka } from '../support/helpers';
import { startTestSystem, type TestSystem } from '../support/system';

// The README's screenshot is this test's: `UPDATE_CONSOLE_SCREENSHOT=1` writes it into docs/, otherwise it
// goes to a temp file, so a test run does not leave the checkout modified.
const SCREENSHOT = process.env.UPDATE_CONSOLE_SCREENSHOT
  ? path.resolve(__dirname, '../../docs/console.png')
  : path.join(os.tmpdir(), 'saga-console.png');
// Long enough that a dead letter replayed by hand, or an outage, ends CONFIRMED rather than TIMED_OUT.
const ORDER_TIMEOUT_MS = 90_000;
const SAGA_MS = 45_000;

let system: TestSystem;
let browser: TestBrowser;
let page: Page;

const describeWithBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) console.warn(`console browser tests skipped: ${NO_CHROMIUM_MESSAGE}`);

/** Clicks a "place order" button and answers the id of the order the console placed. */
async function place(kind: 'normal' | 'declined' | 'unshippable'): Promise<string> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/console/api/actions/orders') && r.request().method() === 'POST'),
    page.click(`[data-place="${kind}"]`),
  ]);
  expect(response.status()).toBe(202);
  return ((await response.json()) as { orderId: string }).orderId;
}

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
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${system.gatewayUrl}/console/`);
    await page.waitForSelector('#connection[data-state="live"]');
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

  it('shows the compensation of a declined order', async () => {
    const orderId = await place('declined');

    await sagaStatus('CANCELLED');
    const lanes = `.lanes[data-order="${orderId}"]`;
    await page.waitForSelector(`${lanes} .step.compensation[data-type="StockReleased"]`);
    await page.waitForSelector(`${lanes} .step.compensation[data-type="OrderCancelled"]`);
    expect(await page.locator(`${lanes} .step.compensation[data-type="PaymentFailed"]`).count()).toBe(0);
    await page.waitForTimeout(1_200); // one stats tick, so the screenshot shows rates and breakers
    await page.screenshot({ path: SCREENSHOT });
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
});
