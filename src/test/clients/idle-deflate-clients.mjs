// Opens N connections with permessage-deflate (threshold 0), sends one 2 KB compressible text on
// each and waits for its echo; then prints "idle N" and keeps them all open until killed.
// For IdleDeflateMemory. Usage: node idle-deflate-clients.mjs ws://host:port/path N
import WebSocket from 'ws';

const url = process.argv[2];
const total = Number(process.argv[3]);
const message = 'compressible text, said again and again. '.repeat(50);
const sockets = [];
let echoed = 0;

function open(i) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: { threshold: 0 } });
    ws.on('open', () => {
      if (ws.extensions !== 'permessage-deflate') reject(new Error(`not negotiated: '${ws.extensions}'`));
      ws.send(message);
    });
    ws.on('message', (data) => {
      if (data.toString() !== message) reject(new Error('echo differs'));
      echoed++;
      resolve();
    });
    ws.on('error', reject);
    sockets.push(ws);
  });
}

try {
  for (let i = 0; i < total; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, total - i) }, (_, k) => open(i + k)));
  }
  console.log(`idle ${echoed}`);
} catch (e) {
  console.log(`FAIL: ${e.message}`);
  process.exit(1);
}
setInterval(() => {}, 1 << 30);
