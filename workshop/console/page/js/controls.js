// The presenter's buttons and the resilience panel: place a normal, declined or unshippable order, cancel
// the selected one, see each breaker and partition pauses, and flip each provider's fault switches.
import { request } from './api.js';
import { el, replaceChildren } from './dom.js';

const PROVIDERS = ['payment', 'carrier'];

export class Controls {
  constructor({ breakers, faults, result }, onPlaced) {
    this.breakersRoot = breakers;
    this.result = result;
    this.onPlaced = onPlaced;
    this.faultStatus = new Map();
    replaceChildren(faults, ...PROVIDERS.map((provider) => this.faultForm(provider)));
    for (const button of document.querySelectorAll('[data-place]')) {
      button.addEventListener('click', () => this.place(button.dataset.place));
    }
  }

  report(text, failed = false) {
    this.result.textContent = text;
    this.result.classList.toggle('error', failed);
  }

  async run(what, action) {
    try {
      return await action();
    } catch (error) {
      this.report(`${what} failed: ${error.message}`, true);
      return undefined;
    }
  }

  async place(kind) {
    // One key per click: the console sends it on as POST /orders' Idempotency-Key, so a retried request
    // cannot place a second order.
    const idempotencyKey = crypto.randomUUID();
    const placed = await this.run(`placing a ${kind} order`, () =>
      request('POST', '/api/actions/orders', { kind }, { 'Idempotency-Key': idempotencyKey }),
    );
    if (!placed) return;
    this.report(`placed a ${kind} order ${placed.orderId}`);
    this.onPlaced(placed.orderId);
  }

  async cancel(orderId) {
    const answer = await this.run('cancelling', () =>
      request('POST', `/api/actions/orders/${encodeURIComponent(orderId)}/cancel`),
    );
    if (answer) this.report(`cancellation requested for ${orderId}`);
  }

  faultForm(provider) {
    const field = (name, label, attributes) =>
      el('label', {}, label, ' ', el('input', { name, 'data-provider': provider, ...attributes }));
    const form = el(
      'form',
      { class: 'faults', 'data-provider': provider },
      el('h3', {}, provider === 'payment' ? 'payment provider' : 'carrier'),
      field('down', 'down', { type: 'checkbox' }),
      field('rejectAll', 'reject all', { type: 'checkbox' }),
      field('latencyMs', 'latency (ms)', { type: 'number', min: 0, max: 60000, step: 100, value: 0 }),
      field('errorRate', 'errors (0-1)', { type: 'number', min: 0, max: 1, step: 0.1, value: 0 }),
      el('button', { type: 'submit' }, 'Apply'),
      el('button', { type: 'button', class: 'reset' }, 'Reset'),
      el('p', { class: 'fault-status' }, ''),
    );
    this.faultStatus.set(provider, form.querySelector('.fault-status'));
    form.addEventListener('submit', async (submitted) => {
      submitted.preventDefault();
      const value = (name) => form.elements.namedItem(name);
      const patch = {
        down: value('down').checked,
        rejectAll: value('rejectAll').checked,
        latencyMs: Number(value('latencyMs').value),
        errorRate: Number(value('errorRate').value),
      };
      const faults = await this.run(`setting ${provider} faults`, () =>
        request('PUT', `/api/actions/faults/${provider}`, patch),
      );
      if (faults) this.report(`${provider} faults now ${describeFaults(faults)}`);
    });
    form.querySelector('.reset').addEventListener('click', async () => {
      const faults = await this.run(`resetting ${provider} faults`, () =>
        request('DELETE', `/api/actions/faults/${provider}`),
      );
      if (!faults) return;
      form.reset();
      this.report(`${provider} faults cleared`);
    });
    return form;
  }

  stats({ breakers, pauses, faults, unavailable }) {
    // Each instance has its own breaker; the instance is named only where a service runs several.
    const instances = new Map();
    for (const b of breakers) instances.set(b.service, (instances.get(b.service) ?? new Set()).add(b.instance));
    const items = breakers.map((b) =>
      el(
        'li',
        { class: `breaker ${b.state}`, 'data-breaker': b.breaker, 'data-state': b.state, 'data-instance': b.instance },
        `${b.service}${instances.get(b.service).size > 1 ? ` (${b.instance})` : ''}: ${b.breaker} breaker ${b.state}`,
      ),
    );
    for (const pause of pauses) {
      items.push(
        el(
          'li',
          { class: pause.pausing ? 'pauses pausing' : 'pauses', 'data-service': pause.service },
          `${pause.service}: ${pause.total} partition pause(s)${pause.pausing ? ', pausing now' : ''}`,
        ),
      );
    }
    if (unavailable.length > 0) items.push(el('li', { class: 'muted' }, `not answering: ${unavailable.join(', ')}`));
    replaceChildren(this.breakersRoot, ...items);
    for (const [provider, status] of this.faultStatus) {
      status.textContent = faults[provider] ? `now: ${describeFaults(faults[provider])}` : 'now: not answering';
    }
  }
}

function describeFaults({ down, rejectAll, latencyMs, errorRate }) {
  const active = [
    down && 'down',
    rejectAll && 'rejecting all',
    latencyMs > 0 && `${latencyMs} ms`,
    errorRate > 0 && `${errorRate * 100}% errors`,
  ];
  return active.filter(Boolean).join(', ') || 'no faults';
}
