// Node's `ws` client against an echo endpoint. First connection: offers the subprotocols
// "foo" and "echo.v1" and must get "echo.v1"; a text, a small binary and a 1 MiB binary
// message must come back unchanged and of the same type, in order; then a clean close with
// 1000, answered with 1000. Second connection: closes with the application code 4000,
// answered with 4000 (RFC 6455 §5.5.1). Prints "ok" and exits 0, or prints what went wrong
// and exits 1. Usage: node echo-client.mjs ws://host:port/path
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

const url = process.argv[2];
const fail = (why) => { console.log(`FAIL: ${why}`); process.exit(1); };
setTimeout(() => fail('timed out'), 30000).unref();

const sent = [
  { data: 'héllo from node ✓', isBinary: false },
  { data: Buffer.from([0, 1, 2, 253, 254, 255]), isBinary: true },
  { data: randomBytes(1 << 20), isBinary: true },
];

await new Promise((resolve) => {
  const ws = new WebSocket(url, ['foo', 'echo.v1']);
  const received = [];
  ws.on('open', () => {
    if (ws.protocol !== 'echo.v1') fail(`offered foo, echo.v1; the server chose "${ws.protocol}"`);
    for (const m of sent) ws.send(m.data, { binary: m.isBinary });
  });
  ws.on('message', (data, isBinary) => {
    const i = received.length;
    received.push(data);
    if (isBinary !== sent[i].isBinary) fail(`echo ${i} came back as ${isBinary ? 'binary' : 'text'}`);
    if (!Buffer.from(data).equals(Buffer.from(sent[i].data))) fail(`echo ${i} differs (${data.length} bytes)`);
    if (received.length === sent.length) ws.close(1000, 'done');
  });
  ws.on('close', (code) => {
    if (received.length !== sent.length) fail(`closed with ${code} after ${received.length} echoes`);
    if (code !== 1000) fail(`close code ${code}, expected 1000`);
    resolve();
  });
  ws.on('error', (e) => fail(e.message));
});

await new Promise((resolve) => {
  const ws = new WebSocket(url);
  ws.on('open', () => ws.close(4000, 'application code'));
  ws.on('close', (code) => {
    if (code !== 4000) fail(`closed with 4000, answered with ${code}`);
    resolve();
  });
  ws.on('error', (e) => fail(e.message));
});
console.log('ok');
process.exit(0);
