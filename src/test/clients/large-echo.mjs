// Node's `ws` client, with its default options, against an echo endpoint: one random binary
// message of the given size must come back intact (same length and SHA-256), then a clean
// close with 1000. With --no-auto-pong the client never answers the server's pings (ws'
// `autoPong: false`, ws >= 8.16) but still reads all the time. Prints "ok" and exits 0, or
// prints what went wrong and exits 1.
// Usage: node large-echo.mjs ws://host:port/path <bytes> [--no-auto-pong]
import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';

const [url, bytes, ...flags] = process.argv.slice(2);
const size = Number(bytes);
const autoPong = !flags.includes('--no-auto-pong');
const started = Date.now();
let pings = 0;
let echoed = false;
const fail = (why) => {
  console.log(`FAIL: ${why} (${size} bytes, after ${Date.now() - started} ms, ${pings} ping(s) from the server, autoPong ${autoPong})`);
  process.exit(1);
};
setTimeout(() => fail('timed out'), 60000).unref();

const payload = randomBytes(size);
const sent = createHash('sha256').update(payload).digest('hex');
const ws = autoPong ? new WebSocket(url) : new WebSocket(url, { autoPong: false });
ws.on('ping', () => { pings += 1; });
ws.on('open', () => ws.send(payload, { binary: true }));
ws.on('message', (data, isBinary) => {
  if (!isBinary) fail('the echo came back as text');
  if (data.length !== size) fail(`the echo has ${data.length} bytes`);
  const got = createHash('sha256').update(data).digest('hex');
  if (got !== sent) fail(`the echo differs: SHA-256 ${got} instead of ${sent}`);
  echoed = true;
  ws.close(1000, 'done');
});
ws.on('close', (code, reason) => {
  if (!echoed) fail(`closed with ${code} "${reason}" before the echo`);
  if (code !== 1000) fail(`close code ${code} "${reason}"`);
  console.log('ok');
  process.exit(0);
});
ws.on('error', (e) => fail(`error: ${e.message}`));
