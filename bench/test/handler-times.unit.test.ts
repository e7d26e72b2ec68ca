import { hopHandlerMeans, parseHandlerTotals } from '../src/handler-times';

const metrics = (sum: number, count: number) => `
# HELP saga_handler_duration_seconds time to handle one event, including its transaction
# TYPE saga_handler_duration_seconds histogram
saga_handler_duration_seconds_bucket{le="0.001",type="OrderPlaced",service="inventory"} 3
saga_handler_duration_seconds_sum{type="OrderPlaced",service="inventory"} ${sum}
saga_handler_duration_seconds_count{type="OrderPlaced",service="inventory"} ${count}
saga_events_consumed_total{type="OrderPlaced",service="inventory"} ${count}
`;

describe('handler time per hop, from the services’ /metrics', () => {
  it('is the mean over the events handled between two readings, not since the service started', () => {
    const before = parseHandlerTotals('inventory', metrics(10, 1000));
    const after = parseHandlerTotals('inventory', metrics(10.3, 1100));

    const means = hopHandlerMeans(before, after);

    expect(means['OrderPlaced→StockReserved']).toBe(3);
  });

  it('reports no figure for a hop whose consumer handled nothing in between', () => {
    const reading = parseHandlerTotals('inventory', metrics(10, 1000));

    const means = hopHandlerMeans(reading, reading);

    expect(means['OrderPlaced→StockReserved']).toBeNull();
    expect(means['PlaceOrder→OrderPlaced']).toBeNull();
  });
});

describe('handler time of a service that runs several instances', () => {
  it('is the mean over the events all its instances handled', () => {
    const before = parseHandlerTotals('inventory', metrics(10, 1000));
    parseHandlerTotals('inventory', metrics(0, 0), before);
    const after = parseHandlerTotals('inventory', metrics(10.1, 1050));
    parseHandlerTotals('inventory', metrics(0.5, 50), after);

    const means = hopHandlerMeans(before, after);

    // 0.6 s over 100 events, where either instance alone would say 2 ms or 10 ms.
    expect(means['OrderPlaced→StockReserved']).toBe(6);
  });
});
