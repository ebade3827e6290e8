// The ticker part: subscribe and unsubscribe with JSON commands, show the prices pushed.
import { $, wsUrl, el } from './common.js';

export function setUpTicker() {
  let socket = null;
  const rows = new Map();

  const setOpen = (open) => {
    $('ticker-open').disabled = open;
    $('ticker-close').disabled = !open;
    if (!open) $('ticker-symbols').replaceChildren();
  };

  $('ticker-open').addEventListener('click', () => {
    socket = new WebSocket(wsUrl('/ticker'));
    $('ticker-state').value = 'connecting';
    socket.addEventListener('open', () => { $('ticker-state').value = 'open'; setOpen(true); });
    socket.addEventListener('close', (event) => { $('ticker-state').value = `closed (${event.code})`; setOpen(false); });
    socket.addEventListener('message', (event) => handle(JSON.parse(event.data)));
  });
  $('ticker-close').addEventListener('click', () => socket && socket.close(1000, 'done'));

  function handle(message) {
    if (message.type === 'subscriptions') {
      const buttons = message.available.map((symbol) => {
        const subscribed = message.subscribed.includes(symbol);
        const button = el('button', `${subscribed ? 'Unsubscribe' : 'Subscribe'} ${symbol}`);
        button.type = 'button';
        button.addEventListener('click', () => socket.send(JSON.stringify({
          action: subscribed ? 'unsubscribe' : 'subscribe', symbol })));
        return button;
      });
      $('ticker-symbols').replaceChildren(...buttons);
      for (const [symbol, row] of rows) {
        if (!message.subscribed.includes(symbol)) { row.remove(); rows.delete(symbol); }
      }
    } else if (message.type === 'tick') {
      let row = rows.get(message.symbol);
      if (!row) {
        row = el('tr');
        row.append(el('td', message.symbol), el('td'), el('td'));
        rows.set(message.symbol, row);
        $('ticker-prices').tBodies[0].append(row);
      }
      row.cells[1].textContent = Number(message.price).toFixed(2);
      row.cells[2].textContent = new Date(message.time).toLocaleTimeString();
    } else if (message.type === 'error') {
      $('ticker-state').value = `error: ${message.message}`;
    }
  }
}
