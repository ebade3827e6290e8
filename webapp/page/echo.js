// The echo part: connect with chosen subprotocols, send text and random binary, check each
// echo against what was sent, close with 1000.
import { $, wsUrl, log, protocolList, describeClose } from './common.js';

export function setUpEcho() {
  const list = $('echo-log');
  let socket = null;
  const pending = []; // what was sent, in order: the echoes come back in the same order

  const setOpen = (open) => {
    $('echo-open').disabled = open;
    $('echo-close').disabled = !open;
    $('echo-send-text').disabled = !open;
    $('echo-send-binary').disabled = !open;
  };

  $('echo-connect').addEventListener('submit', (e) => {
    e.preventDefault();
    const protocols = protocolList($('echo-protocols').value);
    socket = new WebSocket(wsUrl('/echo'), protocols);
    socket.binaryType = 'arraybuffer';
    pending.length = 0;
    $('echo-state').value = 'connecting';
    $('echo-close-code').value = '–';
    socket.addEventListener('open', () => {
      $('echo-state').value = 'open';
      $('echo-protocol').value = socket.protocol || '(none)';
      log(list, `open: offered [${protocols.join(', ')}], server chose "${socket.protocol}"; extensions "${socket.extensions}"`);
      list.dataset.extensions = socket.extensions;
      setOpen(true);
    });
    socket.addEventListener('message', (event) => check(event.data));
    socket.addEventListener('close', (event) => {
      $('echo-state').value = 'closed';
      $('echo-close-code').value = String(event.code);
      log(list, `closed: ${describeClose(event)}`, event.code === 1000 ? 'ok' : 'bad');
      setOpen(false);
    });
  });

  $('echo-close').addEventListener('click', () => socket && socket.close(1000, 'done'));

  $('echo-text-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('echo-text').value;
    pending.push(text);
    socket.send(text);
  });

  $('echo-binary-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const size = Number($('echo-binary-size').value);
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; at += 65536) {
      crypto.getRandomValues(bytes.subarray(at, Math.min(at + 65536, size)));
    }
    pending.push(bytes);
    socket.send(bytes);
  });

  function check(data) {
    const sent = pending.shift();
    if (typeof data === 'string') {
      const same = data === sent;
      log(list, `text echo ${same ? 'identical' : 'DIFFERS'}: "${data.length > 80 ? `${data.slice(0, 80)}…` : data}"`,
        same ? 'ok echo-text-ok' : 'bad');
    } else {
      const got = new Uint8Array(data);
      const same = sent instanceof Uint8Array && got.length === sent.length && got.every((b, i) => b === sent[i]);
      log(list, `binary echo of ${got.length} bytes ${same ? 'identical' : 'DIFFERS'}`, same ? 'ok echo-binary-ok' : 'bad');
    }
  }
}
