// Node's `ws` trickling a fragmented message: a text frame with FIN clear, then a continuation
// frame every 300 ms, each complete at once, so neither the frame timeout nor the idle timeout
// ends it (every frame is traffic); the message timeout must: close 1008, no sooner than the
// limit. Meanwhile another connection's echo completes.
// Prints "ok" and exits 0, or prints what went wrong and exits 1.
// Usage: node trickled-message.mjs <ws URL of the limited endpoint> <ws URL of an echo> <message timeout, ms>
import WebSocket from 'ws';

const [slowUrl, echoUrl, limitArg] = process.argv.slice(2);
const limit = Number(limitArg);
const fail = (why) => { console.log(`FAIL: ${why}`); process.exit(1); };
setTimeout(() => fail('no close came'), limit + 20000).unref();

let echoed = false;
let started;
let trickle;
const slow = new WebSocket(slowUrl);
slow.on('error', () => {}); // a part may meet the server's close: the close event says what happened
slow.once('open', () => {
  started = Date.now();
  slow.send('first part ', { fin: false });
  trickle = setInterval(() => {
    if (slow.readyState === WebSocket.OPEN) slow.send('and more ', { fin: false });
  }, 300);
  // Another connection, opened while this one trickles: it is served as usual.
  setTimeout(() => {
    const other = new WebSocket(echoUrl);
    other.once('open', () => other.send('still served'));
    other.once('message', (data) => {
      echoed = data.toString() === 'still served';
      other.close();
    });
    other.once('error', (e) => fail(`the other connection: ${e.message}`));
  }, limit / 4);
});
slow.once('close', (code, reason) => {
  clearInterval(trickle);
  const elapsed = Date.now() - started;
  const what = `close ${code} "${reason}" after ${elapsed} ms (message timeout ${limit} ms);`
      + ` the other connection's echo ${echoed ? 'came' : 'did not come'}`;
  if (code !== 1008) fail(`not 1008: ${what}`);
  if (elapsed < limit) fail(`before the message timeout: ${what}`);
  if (elapsed > limit + 10000) fail(`long after the message timeout: ${what}`);
  if (!echoed) fail(`no echo on the other connection meanwhile: ${what}`);
  console.log('ok');
  process.exit(0);
});
