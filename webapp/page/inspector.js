// The handshake inspector: a connection from this browser with chosen subprotocols (the
// browser shows only the negotiated values; /inspect adds the server's view of the
// exchange), and the same handshake made raw by the server-side helper.
import { $, wsUrl, appUrl, el, protocolList, describeClose } from './common.js';
import { showRawExchange, acceptVerdict } from './exchange.js';

export function setUpInspector() {
  const result = $('inspect-result');

  $('inspect-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const path = $('inspect-path').value;
    const protocols = protocolList($('inspect-protocols').value);
    const lines = [el('h3', `From this browser: ${path}, offering [${protocols.join(', ')}]`)];
    result.replaceChildren(...lines);
    const socket = new WebSocket(wsUrl(path), protocols);
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      const negotiated = el('p', `101: open. Subprotocol "${socket.protocol}", extensions "${socket.extensions}"`, 'ok verdict browser-open');
      negotiated.dataset.protocol = socket.protocol;
      result.append(negotiated);
      if (path !== '/inspect') {
        result.append(el('p', 'A browser does not show a WebSocket\'s headers to scripts: pick /inspect for the server\'s view, or Raw exchange.', 'note'));
        socket.close(1000, 'inspected');
      }
    });
    socket.addEventListener('message', async (event) => {
      socket.close(1000, 'inspected');
      result.append(...(await serverView(JSON.parse(event.data))));
    });
    socket.addEventListener('close', (event) => {
      const text = opened ? `Closed: ${describeClose(event)}`
        : `The handshake failed (${describeClose(event)}): the browser does not say why; Raw exchange shows the status.`;
      result.append(el('p', text, event.code === 1000 ? 'note closed-clean' : 'bad'));
    });
  });

  $('inspect-raw').addEventListener('click', async () => {
    const query = new URLSearchParams({ case: 'ok', path: $('inspect-path').value, protocols: $('inspect-protocols').value });
    result.replaceChildren(el('p', 'Asking the server-side client…', 'note'));
    const response = await fetch(appUrl(`/demo/handshake?${query}`));
    if (!response.ok) {
      result.replaceChildren(el('p', `The helper answered ${response.status}`, 'bad'));
      return;
    }
    await showRawExchange(result, await response.json());
  });
}

/** The /inspect report: the request and the 101 as the server saw them, the key checked here. */
async function serverView(report) {
  const headerLines = (headers) => Object.entries(headers).map(([name, values]) => `${name}: ${values.join(', ')}`).join('\n');
  const parts = [el('h3', `The server's view (${report.engine.name} ${report.engine.version})`)];
  if (report.problem) return [...parts, el('p', report.problem, 'bad')];
  parts.push(el('pre', `${report.request.line}\n${headerLines(report.request.headers)}`));
  parts.push(el('pre', `HTTP/1.1 ${report.response.status} Switching Protocols\n${headerLines(report.response.headers)}`));
  const first = (headers, name) => {
    const entry = Object.entries(headers).find(([n]) => n.toLowerCase() === name.toLowerCase());
    return entry ? entry[1][0] : undefined;
  };
  parts.push(await acceptVerdict(first(report.request.headers, 'Sec-WebSocket-Key'), first(report.response.headers, 'Sec-WebSocket-Accept')));
  parts.push(el('p', `Negotiated on the server: subprotocol "${report.subprotocol}", extensions [${report.extensions.join(', ')}]; container class ${report.engine.container}`, 'server-view'));
  return parts;
}
