// Helpers the page's parts share: endpoint URLs, logs, the accept-key check.

/** ws:// or wss:// URL of an endpoint of this application ("/echo" → ws://host/switch101/echo). */
export function wsUrl(path) {
  const url = new URL(path.replace(/^\//, ''), appBase());
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** http(s) URL of a resource of this application. */
export function appUrl(path) {
  return new URL(path.replace(/^\//, ''), appBase()).href;
}

function appBase() {
  // The page is the application's welcome file: its directory is the application's root.
  return new URL('.', location.href);
}

export const $ = (id) => document.getElementById(id);

/** Appends a line to a log list, keeping at most 200 lines. */
export function log(list, text, cls) {
  const item = document.createElement('li');
  item.textContent = text;
  if (cls) item.className = cls;
  list.append(item);
  while (list.children.length > 200) list.firstElementChild.remove();
  list.scrollTop = list.scrollHeight;
  return item;
}

/** Subprotocols from a comma-separated list, blanks dropped. */
export function protocolList(text) {
  return text.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
}

/** "1000 (normal closure)"-style text for a CloseEvent. */
export function describeClose(event) {
  const names = { 1000: 'normal closure', 1001: 'going away', 1006: 'abnormal: no close frame', 1008: 'policy violation',
    1009: 'message too big', 1011: 'server error' };
  const name = names[event.code] ? ` ${names[event.code]}` : '';
  return `${event.code}${name}${event.reason ? ` "${event.reason}"` : ''}${event.wasClean ? '' : ', not clean'}`;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Sec-WebSocket-Accept for a key, computed in the browser (RFC 6455 §4.2.2):
 * base64(SHA-1(key + GUID)). SubtleCrypto exists only in secure contexts (https, localhost).
 */
export async function acceptFor(key) {
  if (!globalThis.crypto || !crypto.subtle) {
    throw new Error('SubtleCrypto is only available on https:// or localhost pages');
  }
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/** An element with text (and a class). */
export function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}
