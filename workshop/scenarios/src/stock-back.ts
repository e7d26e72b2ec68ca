// The claim a scenario that ends in a compensation makes last: the stock the order took is back where it
// was. The gateway's view follows the stock topic, so it is given a moment to catch up.
import { eventually, type StockView } from '@saga/client';
import type { ScenarioContext } from './scenario';

/** Claims that `before`'s stock level is back. */
export async function stockBack({ narrator, gateway }: ScenarioContext, before: StockView): Promise<void> {
  const after = await eventually(async () => {
    const stock = await gateway.stock(before.sku);
    return stock.available === before.available && stock.reserved === before.reserved ? stock : undefined;
  }, 15_000).catch(() => gateway.stock(before.sku));
  narrator.claim(
    `${before.sku} is back to ${before.available} available, ${before.reserved} reserved`,
    after.available === before.available && after.reserved === before.reserved,
    `${after.available} available, ${after.reserved} reserved`,
  );
}
