// The traceparent header as the projection reads it: only a valid version-00 header yields a trace id.
import { parseTraceparent, traceIdOf } from '../src/projection/traceparent';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';
const VALID = `00-${TRACE_ID}-${SPAN_ID}-01`;

describe('parseTraceparent', () => {
  it('reads the trace id, span id and flags of a version-00 header', () => {
    expect(parseTraceparent(VALID)).toEqual({ traceId: TRACE_ID, spanId: SPAN_ID, flags: '01' });
  });

  it.each([
    ['another version', `01-${TRACE_ID}-${SPAN_ID}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an all-zero span id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ['a long span id', `00-${TRACE_ID}-${SPAN_ID}0-01`],
    ['upper-case hex', VALID.toUpperCase()],
    ['a non-hex digit', `00-${TRACE_ID.slice(0, 31)}g-${SPAN_ID}-01`],
    ['trailing text', `${VALID}-extra`],
    ['surrounding space', ` ${VALID}`],
    ['an empty value', ''],
  ])('rejects %s', (_, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });
});

describe('traceIdOf a record', () => {
  it('takes the trace id from the traceparent header, as kafkajs hands it over (a Buffer)', () => {
    expect(traceIdOf({ traceparent: Buffer.from(VALID) })).toBe(TRACE_ID);
  });

  it('takes the first of repeated headers', () => {
    expect(traceIdOf({ traceparent: [VALID, `00-${'a'.repeat(32)}-${SPAN_ID}-01`] })).toBe(TRACE_ID);
  });

  it('has none without headers, without a traceparent, or with an invalid one', () => {
    expect(traceIdOf(undefined)).toBeUndefined();
    expect(traceIdOf({ tracestate: Buffer.from('a=b') })).toBeUndefined();
    expect(traceIdOf({ traceparent: Buffer.from('00-nope') })).toBeUndefined();
  });
});
