// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core, in a fresh
// profile) uses the page itself against a deployed Switch101: echo of text and of a 1 MiB
// binary message, each checked byte for byte in the page; subprotocol negotiation; clean
// closes with 1000; the inspector's raw exchange showing the 101 and the accept key checked
// with SubtleCrypto; the failure demos' 426, 403, 404 and 400; no horizontal scrolling at
// phone width (page.png, page-phone.png). With --api, the parts on the Jakarta
// @ServerEndpoint examples instead: chat between two tabs (chat and superchat), the /inspect
// report, the ticker (page-api.png). Prints "ok" and exits 0, or prints what went wrong and
// exits 1.
// Usage: node browser-page.mjs http://127.0.0.1:PORT/switch101/ SCREENSHOT_DIR [--api]
import { mkdtempSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [pageUrl, screenshots, ...flags] = process.argv.slice(2);
const api = flags.includes('--api');
const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT = 20000;
const step = { name: 'start' };
const problems = [];

if (!existsSync(CHROMIUM)) {
  console.log(`FAIL: ${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does)`);
  process.exit(1);
}
const profile = mkdtempSync(join(tmpdir(), 'switch101-chromium-'));
mkdirSync(screenshots, { recursive: true });
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await open(context);
  if (api) {
    await chat(context, page);
    await inspectReport(page);
    await ticker(page);
    step.name = 'screenshot';
    await page.screenshot({ path: join(screenshots, 'page-api.png'), fullPage: true });
  } else {
    await echo(page);
    await inspectorRaw(page);
    await failures(page);
    await inspectorFromBrowser(page, '/echo', 'echo.v2', 'echo.v2');
    step.name = 'screenshot';
    await page.screenshot({ path: join(screenshots, 'page.png'), fullPage: true });
    await phoneWidth(context);
  }
} catch (e) {
  problems.push(`${step.name}: ${e.message.split('\n')[0]}`);
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.log(`FAIL: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('ok');
process.exit(0);

async function open(ctx) {
  step.name = 'load the page';
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => problems.push(`script error on the page: ${e.message}`));
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function echo(page) {
  for (const [offered, expected] of [['', '(none)'], ['echo.v2', 'echo.v2'], ['echo.v1,echo.v2', 'echo.v1']]) {
    step.name = `echo: connect offering [${offered}]`;
    await page.selectOption('#echo-protocols', offered);
    await page.click('#echo-open');
    await expectText(page, '#echo-state', 'open');
    await expectText(page, '#echo-protocol', expected);
    if (offered !== 'echo.v1,echo.v2') {
      await page.click('#echo-close');
      await expectText(page, '#echo-close-code', '1000');
    }
  }
  // Chromium offers permessage-deflate: the connection that echoes below must have agreed to it,
  // so the text and the 1 MiB message travel compressed both ways.
  step.name = 'echo: permessage-deflate negotiated';
  await page.waitForSelector('#echo-log[data-extensions^="permessage-deflate"]');
  step.name = 'echo: text';
  await page.fill('#echo-text', 'héllo from chromium ✓ 😀');
  await page.click('#echo-send-text');
  await page.waitForSelector('#echo-log li.echo-text-ok');
  step.name = 'echo: 1 MiB binary';
  await page.fill('#echo-binary-size', String(1 << 20));
  await page.click('#echo-send-binary');
  await page.waitForSelector('#echo-log li.echo-binary-ok', { timeout: 60000 });
  await expectNone(page, '#echo-log li.bad');
  step.name = 'echo: clean close';
  await page.click('#echo-close');
  await expectText(page, '#echo-close-code', '1000');
}

async function inspectorRaw(page) {
  step.name = 'inspector: raw exchange with /echo';
  await page.selectOption('#inspect-path', '/echo');
  await page.fill('#inspect-protocols', 'foo, echo.v1');
  await page.click('#inspect-raw');
  await page.waitForSelector('#inspect-result .status-line[data-status="101"]');
  await page.waitForSelector('#inspect-result .accept-ok');
  await page.waitForSelector('#inspect-result :text("Negotiated subprotocol: echo.v1")');
  await page.waitForSelector('#inspect-result :text("the server answered 1000")');
}

async function failures(page) {
  for (const [name, status] of [['wrong-version', 426], ['foreign-origin', 403], ['unknown-path', 404], ['bad-key', 400]]) {
    step.name = `failure demo ${name}`;
    await page.click(`#failures [data-case="${name}"]`);
    await page.waitForSelector(`#failure-result .status-line[data-status="${status}"]`);
  }
}

async function inspectorFromBrowser(page, path, offered, expected) {
  step.name = `inspector: browser connection to ${path} offering ${offered}`;
  await page.selectOption('#inspect-path', path);
  await page.fill('#inspect-protocols', offered);
  await page.click('#inspect-browser');
  await page.waitForSelector(`#inspect-result .browser-open[data-protocol="${expected}"]`);
  await page.waitForSelector('#inspect-result .closed-clean');
}

async function chat(ctx, alicePage) {
  const room = `it-${Date.now()}`;
  const bobPage = await open(ctx);
  step.name = 'chat: alice joins with superchat';
  await joinRoom(alicePage, room, 'alice', 'superchat');
  step.name = 'chat: bob joins with chat';
  await joinRoom(bobPage, room, 'bob', 'chat');
  await alicePage.waitForSelector('#chat-log li:text-matches("\\\\* bob joined")');
  step.name = 'chat: alice to bob';
  await say(alicePage, 'hello from alice');
  await bobPage.waitForSelector('#chat-log li:text-is("alice: hello from alice")');
  step.name = 'chat: bob to alice (superchat shows sender and time)';
  await say(bobPage, 'hi alice');
  await alicePage.waitForSelector('#chat-log li:text-matches("^\\\\[.+\\\\] bob: hi alice$")');
  step.name = 'chat: bob leaves';
  await bobPage.click('#chat-leave');
  await expectText(bobPage, '#chat-close-code', '1000');
  await alicePage.waitForSelector('#chat-log li:text-matches("\\\\* bob left")');
  await bobPage.close();
}

async function joinRoom(page, room, name, protocol) {
  await page.fill('#chat-room', room);
  await page.fill('#chat-name', name);
  await page.selectOption('#chat-protocol', protocol);
  await page.click('#chat-join');
  await expectText(page, '#chat-negotiated', protocol);
  // In the room once its own join notice arrives (the server's onOpen may run after the 101).
  await page.waitForSelector(`#chat-log li:text-matches("\\\\* ${name} joined")`);
}

async function say(page, text) {
  await page.fill('#chat-text', text);
  await page.click('#chat-send');
}

async function inspectReport(page) {
  step.name = 'inspector: /inspect reports the handshake';
  await page.selectOption('#inspect-path', '/inspect');
  await page.fill('#inspect-protocols', 'v2.chat, superchat, chat');
  await page.click('#inspect-browser');
  await page.waitForSelector('#inspect-result .browser-open[data-protocol="superchat"]');
  await page.waitForSelector('#inspect-result .server-view:text-matches("subprotocol \\"superchat\\"")');
  await expectNone(page, '#inspect-result .accept-bad');
}

async function ticker(page) {
  step.name = 'ticker: subscribe and get a price';
  await page.click('#ticker-open');
  await page.click('#ticker-symbols button:text("Subscribe ACME")');
  await page.waitForSelector('#ticker-prices tbody tr td:text("ACME")');
  await page.click('#ticker-symbols button:text("Unsubscribe ACME")');
  await page.waitForSelector('#ticker-prices tbody tr', { state: 'detached' });
  await page.click('#ticker-close');
  await expectText(page, '#ticker-state', 'closed (1000)');
}

async function phoneWidth(ctx) {
  step.name = 'phone width (390 px): no horizontal scrolling';
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-ready="true"]');
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (widths[0] > widths[1]) problems.push(`at phone width the page is ${widths[0]} px wide in a ${widths[1]} px window`);
  await page.screenshot({ path: join(screenshots, 'page-phone.png'), fullPage: true });
  await page.close();
}

async function expectText(page, selector, text) {
  try {
    await page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, text], { timeout: TIMEOUT });
  } catch {
    const actual = await page.textContent(selector);
    throw new Error(`${selector} shows "${actual}", expected "${text}"`);
  }
}

async function expectNone(page, selector) {
  const found = await page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent));
  if (found.length > 0) throw new Error(`unexpected: ${found.join(' | ')}`);
}
