// Wires up the page's parts. Plain ES modules: no build step.
import { setUpEcho } from './echo.js';
import { setUpChat } from './chat.js';
import { setUpTicker } from './ticker.js';
import { setUpInspector } from './inspector.js';
import { setUpFailures } from './failures.js';

setUpEcho();
setUpChat();
setUpTicker();
setUpInspector();
setUpFailures();
document.body.dataset.ready = 'true';
