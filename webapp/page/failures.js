// Failed handshakes, performed by the server-side helper and shown with their status.
import { $, appUrl, el } from './common.js';
import { showRawExchange } from './exchange.js';

export function setUpFailures() {
  const result = $('failure-result');
  for (const button of document.querySelectorAll('#failures [data-case]')) {
    button.addEventListener('click', async () => {
      result.replaceChildren(el('p', 'Asking the server-side client…', 'note'));
      const response = await fetch(appUrl(`/demo/handshake?case=${encodeURIComponent(button.dataset.case)}`));
      if (!response.ok) {
        result.replaceChildren(el('p', `The helper answered ${response.status}`, 'bad'));
        return;
      }
      await showRawExchange(result, await response.json());
    });
  }
}
