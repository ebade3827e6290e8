// The chat part: join a room with a nickname and a subprotocol; chat gives plain lines,
// superchat JSON events (shown with their time).
import { $, wsUrl, log, describeClose } from './common.js';

export function setUpChat() {
  const list = $('chat-log');
  let socket = null;

  const setOpen = (open) => {
    $('chat-join').disabled = open;
    $('chat-leave').disabled = !open;
    $('chat-send').disabled = !open;
  };

  $('chat-connect').addEventListener('submit', (e) => {
    e.preventDefault();
    const room = $('chat-room').value.trim();
    const name = $('chat-name').value.trim();
    const protocol = $('chat-protocol').value;
    const query = name ? `?name=${encodeURIComponent(name)}` : '';
    socket = new WebSocket(wsUrl(`/chat/${encodeURIComponent(room)}${query}`), [protocol]);
    $('chat-state').value = 'connecting';
    $('chat-close-code').value = '–';
    socket.addEventListener('open', () => {
      $('chat-state').value = `in ${room}`;
      $('chat-negotiated').value = socket.protocol || '(none)';
      setOpen(true);
    });
    socket.addEventListener('message', (event) => show(event.data, socket.protocol));
    socket.addEventListener('close', (event) => {
      $('chat-state').value = 'closed';
      $('chat-close-code').value = String(event.code);
      log(list, `closed: ${describeClose(event)}`, event.code === 1000 ? 'note' : 'bad');
      setOpen(false);
    });
  });

  $('chat-leave').addEventListener('click', () => socket && socket.close(1000, 'bye'));

  $('chat-say').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('chat-text').value;
    if (text && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(text);
      $('chat-text').value = '';
    }
  });

  function show(data, protocol) {
    if (protocol !== 'superchat') {
      log(list, data, data.startsWith('* ') ? 'note chat-line' : 'chat-line');
      return;
    }
    let event;
    try {
      event = JSON.parse(data);
    } catch {
      log(list, `not JSON: ${data}`, 'bad');
      return;
    }
    const time = new Date(event.timestamp).toLocaleTimeString();
    if (event.type === 'message') {
      log(list, `[${time}] ${event.sender}: ${event.text}`, 'chat-line');
    } else {
      log(list, `[${time}] * ${event.sender} ${event.type === 'join' ? 'joined' : 'left'} ${event.room}`, 'note chat-line');
    }
  }
}
