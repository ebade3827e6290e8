// Node's `ws` against the chat example: a member says something and ends its TCP connection
// at once, half-closing it (FIN) without a close frame, as a client that crashes right after a
// write does. What it said was read in full, so the room must hear it, and then that it left.
// Prints "ok" and exits 0, or prints what went wrong and exits 1.
// Usage: node last-words.mjs ws://host:port/app/chat/<room>
import WebSocket from 'ws';

const room = process.argv[2];
const fail = (why) => { console.log(`FAIL: ${why}`); process.exit(1); };
const heard = [];
const seen = [];
setTimeout(() => fail(`timed out; alice heard ${JSON.stringify(heard)}; ${JSON.stringify(seen)}`), 25000).unref();

// Resolves once `name` hears what `until` accepts; everything it hears goes to `log`.
const member = (name, log, until) => new Promise((resolve, reject) => {
  const ws = new WebSocket(`${room}?name=${name}`, ['chat']);
  ws.on('message', (data) => {
    log.push(data.toString());
    if (until(log)) resolve(ws);
  });
  ws.on('close', (code) => seen.push(`${name} closed ${code}`));
  ws.once('error', reject);
});

// The 101 comes before the server runs onOpen, so "open" does not mean "in the room": a member is
// in once it hears its own join. (Opening bob at alice's "open" let bob join, speak and leave
// before alice's onOpen had run, on a freshly deployed application.)
let bobLeft;
const leaving = new Promise((resolve) => { bobLeft = resolve; });
const alice = await member('alice', heard, (log) => {
  if (log.some((m) => m.startsWith('* bob left'))) bobLeft();
  return log.some((m) => m.startsWith('* alice joined'));
});
alice.on('error', (e) => fail(e.message));

const bob = new WebSocket(`${room}?name=bob`, ['chat']);
bob.on('error', (e) => seen.push(`bob error ${e.message}`)); // its own end: not bob's to see
// Once the frame is written, FIN and no close frame (ws keeps its socket in _socket).
bob.once('open', () => bob.send('last words', () => bob._socket.end()));

await leaving;
const joined = heard.findIndex((m) => m.startsWith('* bob joined'));
const said = heard.indexOf('bob: last words');
const left = heard.findIndex((m) => m.startsWith('* bob left'));
if (said < 0) fail(`the room never heard bob's last words: ${JSON.stringify(heard)}`);
if (!(joined >= 0 && joined < said && said < left)) fail(`not joined, said, left in that order: ${JSON.stringify(heard)}`);
alice.close(1000, 'done');
console.log('ok');
process.exit(0);
