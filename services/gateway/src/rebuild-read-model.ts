// `make rebuild-read-model`: rebuilds the gateway's read model from the topics, the source of truth.
// Removes the read model's file (projection.sqlite, with the offsets it applied); the next gateway
// start finds it empty, starts its consumer group afresh and projects every retained record, with
// /ready at 503 until it has caught up. Run it with the gateway stopped: a running one keeps its
// open file and would go on writing to it. Not the start-up path: a start resumes where it stopped.
import fs from 'node:fs';
import { loadGatewayConfig, projectionFile } from './config';

const file = projectionFile(loadGatewayConfig());
const removed = [file, `${file}-wal`, `${file}-shm`].filter((candidate) => {
  if (!fs.existsSync(candidate)) return false;
  fs.rmSync(candidate);
  return true;
});
console.log(
  removed.length > 0
    ? `removed ${removed.join(', ')}: the next gateway start projects the topics from the beginning`
    : `no read model at ${file}: the next gateway start projects the topics from the beginning anyway`,
);
