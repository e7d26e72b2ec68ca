// The system map as SVG: services on top, topics in the middle, dead-letter topics below. An edge
// flashes when a record travels it (written by its producer, then read by each consuming group); topics
// show their write rate, services their group's lag and breaker, dead-letter topics their count. Every
// box is fitted to its text as the browser measures it (fonts differ between machines): it grows up to
// the room its row leaves, and a text still too long is narrowed to fit rather than spill over.
import { svg, replaceChildren } from './dom.js';

const ROW = { services: 40, topics: 190, deadLetters: 290 };
const FLASH_MS = 700;
/** Room between a text and its box's edges, and between two boxes side by side. */
const PADDING = 10;
const GAP = 6;

export class SystemMap {
  constructor(root, topology) {
    this.root = root;
    this.nodes = new Map();
    this.edges = new Map();
    this.labels = new Map();
    this.deadLetterCounts = new Map();
    this.draw(topology);
  }

  draw({ services, topics, edges }) {
    const sagaTopics = topics.filter((topic) => !topic.deadLetters);
    const deadLetterTopics = topics.filter((topic) => topic.deadLetters);
    const place = (items, y, width) =>
      items.forEach((item, index) => {
        const x = ((index + 0.5) * 1000) / items.length;
        this.nodes.set(item.id, { x, y, width, maxWidth: 1000 / items.length - GAP });
      });
    place(services, ROW.services, 150);
    place(sagaTopics, ROW.topics, 128);
    place(deadLetterTopics, ROW.deadLetters, 150);

    const defs = svg(
      'defs',
      {},
      svg(
        'marker',
        { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }),
      ),
    );
    const edgeLayer = svg('g', { class: 'edges' });
    for (const edge of edges) {
      const from = this.nodes.get(edge.from);
      const to = this.nodes.get(edge.to);
      if (!from || !to) continue;
      const writes = from.y < to.y;
      // Writes leave a service's bottom edge, reads arrive at it; bend reads aside so both stay visible.
      const [x1, y1, x2, y2] = writes ? [from.x, from.y + 22, to.x, to.y - 18] : [from.x, from.y - 18, to.x, to.y + 22];
      const bend = writes ? 0 : 40;
      const path = svg('path', {
        d: `M${x1},${y1} Q${(x1 + x2) / 2 + bend},${(y1 + y2) / 2} ${x2},${y2}`,
        class: writes ? 'edge writes' : 'edge reads',
        'marker-end': 'url(#arrow)',
        'data-from': edge.from,
        'data-to': edge.to,
      });
      path.append(svg('title', {}, `${edge.from} → ${edge.to}: ${edge.types.join(', ')}`));
      edgeLayer.append(path);
      this.edges.set(`${edge.from}>${edge.to}`, path);
    }
    const nodeLayer = svg('g', { class: 'nodes' });
    const node = (id, label, kind) => {
      const place = this.nodes.get(id);
      const { x, y, width } = place;
      const height = kind === 'service' ? 44 : 36;
      place.rect = svg('rect', { x: x - width / 2, y: y - height / 2, width, height, rx: 6 });
      place.texts = [
        svg('text', { x, y: y - 2, class: 'node-label' }, label),
        svg('text', { x, y: y + 13, class: 'node-detail' }, ''),
      ];
      this.labels.set(id, place.texts[1]);
      return svg('g', { class: `node ${kind}`, 'data-node': id }, place.rect, ...place.texts);
    };
    for (const service of services) nodeLayer.append(node(service.id, service.label, 'service'));
    for (const topic of sagaTopics) nodeLayer.append(node(topic.id, topic.id, 'topic'));
    for (const topic of deadLetterTopics) nodeLayer.append(node(topic.id, topic.id, 'dead-letter-topic'));
    this.services = services;
    replaceChildren(
      this.root,
      defs,
      edgeLayer,
      nodeLayer,
      svg('text', { x: 10, y: ROW.deadLetters - 30, class: 'row-caption' }, 'dead-letter topics (one per group)'),
    );
    for (const id of this.nodes.keys()) this.fit(id);
  }

  /** Widens a node's box to its longest text, within its row's room; narrows a text that still does not fit. */
  fit(id) {
    const { x, width, maxWidth, rect, texts } = this.nodes.get(id);
    for (const text of texts) text.removeAttribute('textLength');
    const lengths = texts.map((text) => text.getComputedTextLength());
    const fitted = Math.min(maxWidth, Math.max(width, ...lengths.map((length) => length + PADDING)));
    rect.setAttribute('x', String(x - fitted / 2));
    rect.setAttribute('width', String(fitted));
    texts.forEach((text, index) => {
      if (lengths[index] > fitted - PADDING) {
        text.setAttribute('textLength', String(fitted - PADDING));
        text.setAttribute('lengthAdjust', 'spacingAndGlyphs');
      }
    });
  }

  /** A saga record: its producer's write edge, then every read edge out of its topic. */
  flash(event) {
    this.light(`${event.producer}>${event.topic}`);
    for (const [key, path] of this.edges) {
      if (key.startsWith(`${event.topic}>`)) setTimeout(() => this.light(key, path), 150);
    }
  }

  light(key, path = this.edges.get(key)) {
    if (!path) return;
    path.classList.add('hot');
    clearTimeout(path.hotTimer);
    path.hotTimer = setTimeout(() => path.classList.remove('hot'), FLASH_MS);
  }

  deadLetter(group) {
    const topic = `${group}.dlt`;
    this.deadLetterCounts.set(topic, (this.deadLetterCounts.get(topic) ?? 0) + 1);
    this.label(topic, `${this.deadLetterCounts.get(topic)} new`);
    this.root.querySelector(`[data-node="${CSS.escape(topic)}"]`)?.classList.add('has-letters');
  }

  stats({ topicRates, groupLag, breakers }) {
    for (const [topic, rate] of Object.entries(topicRates)) {
      if (!topic.endsWith('.dlt')) this.label(topic, `${rate}/s`);
    }
    for (const service of this.services) {
      const lag = groupLag[service.group];
      // One breaker per instance: the worst of them is the service's.
      const open = breakers.filter((b) => `${b.service}-service` === service.id && b.state !== 'closed');
      const worst = open.find((b) => b.state === 'open') ?? open[0];
      const breaker = worst ? ` · breaker ${worst.state}` : '';
      if (lag !== undefined || breaker) this.label(service.id, `lag ${lag ?? '?'}${breaker}`);
      this.root.querySelector(`[data-node="${CSS.escape(service.id)}"]`)?.classList.toggle(
        'breaker-open',
        open.some((b) => b.state === 'open'),
      );
    }
  }

  label(id, text) {
    const label = this.labels.get(id);
    if (!label || label.textContent === text) return;
    label.textContent = text;
    this.fit(id);
  }
}
