// Node's `ws` against the chat example: a member says something and ends its TCP connection
// at once, half-closing it (FIN) without a close frame, as a client that crashes right after a
// write does. What it said was read in full, so the room must hear it, and then that it left.
// Prints "ok" and exits 0, or prints what went wrong and exits 1.
// Usage: node last-words.mjs ws://host:port/app/chat/<room>
import WebSocket from 'ws';

const room = process.argv[2];
const fail = (why) => { console.log(`FAIL: ${why}`); process.exit(1); };
setTimeout(() => fail('timed out; alice heard ' + JSON.stringify(heard)), 25000).unref();

const open = (name) => new Promise((resolve, reject) => {
  const ws = new WebSocket(`${room}?name=${name}`, ['chat']);
  ws.once('open', () => resolve(ws));
  ws.once('error', reject);
});

const alice = await open('alice');
const heard = [];
const bobLeft = new Promise((resolve) => {
  alice.on('message', (data) => {
    heard.push(data.toString());
    if (heard.some((m) => m.startsWith('* bob left'))) resolve();
  });
});
alice.on('error', (e) => fail(e.message));

const bob = await open('bob');
bob.on('error', () => {}); // its own end: whatever the server does next is not bob's to see
// Once the frame is written, FIN and no close frame (ws keeps its socket in _socket).
bob.send('last words', () => bob._socket.end());

await bobLeft;
const said = heard.indexOf('bob: last words');
const left = heard.findIndex((m) => m.startsWith('* bob left'));
if (said < 0) fail(`the room never heard bob's last words: ${JSON.stringify(heard)}`);
if (said > left) fail(`bob's last words came after his leaving: ${JSON.stringify(heard)}`);
alice.close(1000, 'done');
console.log('ok');
process.exit(0);
