// The projection's group commit: a batch of records is one transaction, and a record's state and its
// applied offset land together or not at all, so a crash can only make the projection read again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectionStore } from '../src/projection/store';
import type { OrderState } from '../src/projection/orders';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function order(orderId: string): OrderState {
  return { orderId, status: 'PENDING', timeline: [] } as unknown as OrderState;
}

describe('the projection store', () => {
  let dir: string;
  const open: ProjectionStore[] = [];
  const store = (file = path.join(dir, 'projection.sqlite')) => {
    const opened = new ProjectionStore(file);
    open.push(opened);
    return opened;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'projection-'));
  });
  afterEach(() => {
    for (const opened of open.splice(0)) opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits a state and its applied offset together once the work yields, never one without the other', async () => {
    const writer = store();
    writer.putOrder(order('order-1'));
    writer.applied('order.events', 0, 41);
    // Another connection stands for the file as a crash right now would leave it.
    const crashedNow = store();
    expect(crashedNow.order('order-1')).toBeUndefined();
    expect(crashedNow.nextOffset('order.events', 0)).toBeUndefined();

    await nextTurn();

    expect(crashedNow.order('order-1')?.orderId).toBe('order-1');
    expect(crashedNow.nextOffset('order.events', 0)).toBe(42);
  });

  it('commits what is pending when closed', () => {
    const file = path.join(dir, 'closed.sqlite');
    const writer = new ProjectionStore(file);
    writer.putOrder(order('order-2'));
    writer.applied('order.events', 1, 7);
    writer.close();

    expect(store(file).nextOffset('order.events', 1)).toBe(8);
  });
});
