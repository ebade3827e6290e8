// Node's `ws` client against an echo endpoint: a text and a binary message must come back
// unchanged and of the same type, then a clean close with 1000. Prints "ok" and exits 0,
// or prints what went wrong and exits 1. Usage: node echo-client.mjs ws://host:port/path
import WebSocket from 'ws';

const url = process.argv[2];
const text = 'héllo from node ✓';
const binary = Buffer.from([0, 1, 2, 253, 254, 255]);
const fail = (why) => { console.log(`FAIL: ${why}`); process.exit(1); };
setTimeout(() => fail('timed out'), 15000).unref();

const ws = new WebSocket(url);
const received = [];
ws.on('open', () => {
  ws.send(text);
  ws.send(binary);
});
ws.on('message', (data, isBinary) => {
  received.push({ data, isBinary });
  if (received.length === 2) {
    if (received[0].isBinary || received[0].data.toString('utf8') !== text) fail(`text echo: ${received[0].data}`);
    if (!received[1].isBinary || !Buffer.from(received[1].data).equals(binary)) fail('binary echo');
    ws.close(1000, 'done');
  }
});
ws.on('close', (code) => {
  if (received.length !== 2) fail(`closed early with ${code}`);
  if (code !== 1000) fail(`close code ${code}`);
  console.log('ok');
  process.exit(0);
});
ws.on('error', (e) => fail(e.message));
