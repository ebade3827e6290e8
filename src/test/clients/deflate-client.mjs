// Node's `ws` client with permessage-deflate (threshold 0: it compresses every message) against
// an echo endpoint: compression must be negotiated, messages whole and fragmented must come back
// unchanged, and fewer bytes must cross the socket each way than the messages hold (both sides
// compressed). Prints "ok" and exits 0, or what went wrong and exits 1.
// Usage: node deflate-client.mjs ws://host:port/path
import WebSocket from 'ws';

const url = process.argv[2];
const fail = (why) => { console.log(`FAIL: ${why}`); process.exit(1); };
setTimeout(() => fail('timed out'), 25000).unref();

const line = (i) => `line ${i}: the quick brown fox jumps over the lazy dog ✓\n`;
const text = Array.from({ length: 20000 }, (_, i) => line(i)).join('');     // ~1.2 MB, compressible
const binary = Buffer.alloc(300000, 0).map((_, i) => (i * 7) % 13);        // compressible bytes
const parts = ['first part, ', 'second part, ', 'last part'];
const expected = [text, binary, parts.join(''), 'tiny'];
const sent = Buffer.byteLength(text) + binary.length + Buffer.byteLength(parts.join('')) + 4;

const ws = new WebSocket(url, { perMessageDeflate: { threshold: 0 } });
const received = [];
ws.on('open', () => {
  if (ws.extensions !== 'permessage-deflate') fail(`not negotiated: '${ws.extensions}'`);
  ws.send(text);
  ws.send(binary);
  // One message in three frames: RSV1 on the first only.
  ws.send(parts[0], { fin: false });
  ws.send(parts[1], { fin: false });
  ws.send(parts[2], { fin: true });
  ws.send('tiny');
});
ws.on('message', (data, isBinary) => {
  received.push({ data, isBinary });
  if (received.length === expected.length) {
    for (let i = 0; i < expected.length; i++) {
      const want = expected[i];
      const got = received[i];
      if (Buffer.isBuffer(want)) {
        if (!got.isBinary || !Buffer.from(got.data).equals(want)) fail(`message ${i}: binary echo differs`);
      } else if (got.isBinary || got.data.toString('utf8') !== want) {
        fail(`message ${i}: text echo differs (${got.data.length} bytes)`);
      }
    }
    const read = ws._socket.bytesRead;
    const written = ws._socket.bytesWritten;
    if (written * 4 > sent) fail(`sent ${written} bytes on the socket for ${sent} bytes of messages: not compressed`);
    if (read * 4 > sent) fail(`read ${read} bytes on the socket for ${sent} bytes of echoes: not compressed`);
    ws.close(1000, 'done');
  }
});
ws.on('close', (code) => {
  if (received.length !== expected.length) fail(`closed early with ${code}`);
  if (code !== 1000) fail(`close code ${code}`);
  console.log('ok');
  process.exit(0);
});
ws.on('error', (e) => fail(e.message));
