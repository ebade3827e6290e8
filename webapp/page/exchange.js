// Renders a raw handshake reported by the server-side helper (/demo/handshake): the request
// sent, the status line and headers received, and for a 101 the accept key checked here.
import { el, acceptFor } from './common.js';

/** Shows a report from /demo/handshake in a container; resolves when the accept check is done. */
export async function showRawExchange(container, report) {
  const parts = [el('h3', `Case: ${report.case}`), el('p', report.description, 'note')];
  parts.push(el('h3', 'Request (sent by the server-side client)'), el('pre', report.request.trimEnd()));
  if (report.error) {
    parts.push(el('p', `No answer: ${report.error}`, 'bad'));
    container.replaceChildren(...parts);
    return;
  }
  const head = [report.statusLine, ...report.headers.map(([name, value]) => `${name}: ${value}`)].join('\n');
  parts.push(el('h3', 'Response'), el('pre', head));
  const status = el('p', `Status ${report.status}`, `verdict status-line ${report.status === 101 ? 'ok' : 'bad'}`);
  status.dataset.status = String(report.status);
  parts.push(status);
  if (report.body) parts.push(el('h3', 'Body'), el('pre', report.body));
  if (report.status === 101) {
    parts.push(await acceptVerdict(report.key, header(report.headers, 'Sec-WebSocket-Accept')));
    const protocol = header(report.headers, 'Sec-WebSocket-Protocol');
    parts.push(el('p', `Negotiated subprotocol: ${protocol ?? '(none)'}; extensions: ${header(report.headers, 'Sec-WebSocket-Extensions') ?? '(none)'}`));
    parts.push(el('p', `Closed by the client with 1000; the server answered ${report.closeCode}`, report.closeCode === 1000 ? 'ok' : 'bad'));
  }
  container.replaceChildren(...parts);
}

/** A paragraph saying whether accept = base64(SHA-1(key + GUID)), computed in this browser. */
export async function acceptVerdict(key, accept) {
  try {
    const expected = await acceptFor(key);
    if (accept === undefined || accept === null) {
      return el('p', `Sec-WebSocket-Key ${key} → expected Sec-WebSocket-Accept ${expected} (the report has no accept header to compare)`, 'note');
    }
    const same = expected === accept;
    return el('p', `Sec-WebSocket-Accept ${accept} ${same ? '✓ matches' : '✗ differs from'} base64(SHA-1(${key} + GUID)) = ${expected}`,
      `verdict ${same ? 'ok accept-ok' : 'bad accept-bad'}`);
  } catch (e) {
    return el('p', `Accept key not checked: ${e.message}`, 'note');
  }
}

/** The first value of a header in [name, value] pairs, name case-insensitive. */
export function header(pairs, name) {
  const found = pairs.find(([n]) => n.toLowerCase() === name.toLowerCase());
  return found ? found[1] : undefined;
}
