// Opens saavu's HTML report in Debian's Chromium (headless, via playwright-core) and checks
// what only a browser can:
//   1. axe-core finds no WCAG 2.0/2.1 A or AA violation, with findings collapsed and opened,
//      on the large report and on the hostile one, in English, Finnish and Swedish;
//   2. the report reflows to 320 CSS px without horizontal scrolling (SC 1.4.10);
//   3. the filters work from the keyboard alone (Tab, Space, arrow keys, typing, Enter), the
//      status region reports the new count, and focus is never trapped;
//   4. with the report's own Content-Security-Policy in force (no bypass), its script runs and
//      no payload from a hostile page does (window.__pwned stays unset, no dialog opens);
//   5. screenshots for people: the top of the report, an opened finding, 320 px wide.
//
//   node run.mjs --reports DIR --out DIR [--chromium /usr/bin/chromium]
// DIR holds large.html and hostile-{en,fi,sv}.html, written by
//   SAAVU_HTML_SAMPLES=DIR test_reporters -tc="html report: 5 000 pages*"
// (run.sh does both steps). Exits 0 when every check passes, 1 otherwise; prints one line per
// check and a closing "N passed, N failed".
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const reportsDir = path.resolve(option('--reports', 'html-samples'));
const outDir = path.resolve(option('--out', reportsDir));
const executablePath = option('--chromium', '/usr/bin/chromium');
mkdirSync(outDir, { recursive: true });

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function reportUrl(file) {
  const full = path.join(reportsDir, file);
  if (!existsSync(full)) throw new Error(`missing ${full}: run the sample generator first (see run.sh)`);
  return pathToFileURL(full).href;
}

async function runAxe(page, label) {
  const started = Date.now();
  const result = await page.evaluate(
    async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        count: v.nodes.length,
      }));
    },
    axeTags,
  );
  const detail = result.length
    ? result.map((v) => `${v.id} (${v.count}): ${v.help} at ${v.nodes.join(', ')}`).join('; ')
    : `${Date.now() - started} ms`;
  check(`axe-core ${axeTags.join('/')} — ${label}: no violations`, result.length === 0, detail);
}

async function visibleEntries(page) {
  return page.evaluate(() => document.querySelectorAll('li.entry:not([hidden])').length);
}

async function statusText(page) {
  return page.evaluate(() => document.getElementById('filter-status').textContent);
}

// Presses Tab until `selector` has focus; fails (a trap, or an unreachable control) after
// `limit` presses or when focus stops moving.
async function tabTo(page, selector, limit = 400) {
  let previous = null;
  let stuck = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate((sel) => {
      const a = document.activeElement;
      return { at: a ? a.outerHTML.slice(0, 80) : '', hit: a === document.querySelector(sel) };
    }, selector);
    if (state.hit) return i + 1;
    stuck = state.at === previous ? stuck + 1 : 0;
    if (stuck > 3) return -1;
    previous = state.at;
  }
  return -1;
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // A fresh, temporary profile is playwright's default for launch(); these keep Chromium from
  // calling home or updating during the test.
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

try {
  // ---- 1–3, 5: accessibility, reflow, keyboard, with CSP bypassed only to inject axe-core ----
  const axeContext = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await axeContext.newPage();
  page.setDefaultTimeout(120000);

  let t0 = Date.now();
  await page.goto(reportUrl('large.html'), { waitUntil: 'load' });
  const loadMs = Date.now() - t0;
  await page.waitForFunction(() => !document.getElementById('filters').hidden);
  const ready = await page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    entries: document.querySelectorAll('li.entry').length,
    shown: document.querySelectorAll('li.entry:not([hidden])').length,
  }));
  console.log(
    `large report: loaded in ${loadMs} ms, ${ready.nodes} elements, ${ready.entries} entries, ${ready.shown} shown`,
  );
  check('large report: the script paginates (50 entries shown)', ready.shown === 50, `${ready.shown}`);
  await page.screenshot({ path: path.join(outDir, 'report-top.png') });

  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = false;
    document.querySelector('li.entry:not([hidden]) details').open = true;
    document.getElementById('findings').scrollIntoView();
  });
  await page.screenshot({ path: path.join(outDir, 'report-finding.png') });

  // Keyboard: from the top of the page to the rule filter, choose a rule with the arrow keys.
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = false;
    window.scrollTo(0, 0);
    document.activeElement && document.activeElement.blur();
  });
  await page.keyboard.press('Tab');
  const skipFocused = await page.evaluate(() => document.activeElement.classList.contains('skip'));
  check('keyboard: the first Tab reaches the skip link', skipFocused);
  const tabs = await tabTo(page, '#f-rule');
  check('keyboard: Tab reaches the rule filter without a trap', tabs > 0, `${tabs} presses`);
  const before = await statusText(page);
  t0 = Date.now();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((old) => document.getElementById('filter-status').textContent !== old, before);
  const ruleMs = Date.now() - t0;
  const afterRule = await statusText(page);
  check('keyboard: arrow key in the rule filter changes the announced count', afterRule !== before, `${ruleMs} ms: ${afterRule}`);
  const shownAfterRule = await page.evaluate(() => {
    const rule = document.getElementById('f-rule').value;
    const shown = [...document.querySelectorAll('li.entry:not([hidden])')];
    return { n: shown.length, same: shown.every((li) => li.getAttribute('data-r') === rule) };
  });
  check('filter by rule: every shown entry is of that rule', shownAfterRule.same && shownAfterRule.n > 0, `${shownAfterRule.n} shown`);

  // Space on a check box: Tab to the first impact box and untick it.
  const toImpact = await tabTo(page, 'input[name="impact"][value="critical"]');
  check('keyboard: Tab reaches the impact check boxes', toImpact > 0);
  const beforeImpact = await statusText(page);
  await page.keyboard.press('Space');
  await page.waitForFunction((old) => document.getElementById('filter-status').textContent !== old, beforeImpact);
  check('keyboard: Space on an impact check box changes the count', (await statusText(page)) !== beforeImpact, await statusText(page));

  // Clear, then type into the search field.
  await tabTo(page, '#f-clear');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('f-rule').value === '');
  const toSearch = await page.evaluate(() => {
    document.getElementById('f-text').focus();
    return document.activeElement.id;
  });
  check('search field can take focus', toSearch === 'f-text');
  const beforeSearch = await statusText(page);
  t0 = Date.now();
  await page.keyboard.type('kentta-4999-');
  await page.waitForFunction((old) => document.getElementById('filter-status').textContent !== old, beforeSearch);
  const searchMs = Date.now() - t0;
  const searched = await visibleEntries(page);
  check('typing in the search filters the findings', searched > 0 && searched < 50, `${searched} shown, ${searchMs} ms incl. 250 ms debounce`);

  // Page filter and paging with Enter on the Next button.
  await page.evaluate(() => {
    document.getElementById('f-text').value = '';
    document.getElementById('f-page').value = '';
    document.getElementById('filter-form').dispatchEvent(new Event('submit', { cancelable: true }));
  });
  await page.focus('#pager-top .next');
  const pageBefore = await page.evaluate(() => document.querySelector('#pager-top .pager-text').textContent);
  await page.keyboard.press('Enter');
  await page.waitForFunction((old) => document.querySelector('#pager-top .pager-text').textContent !== old, pageBefore);
  const pageAfter = await page.evaluate(() => document.querySelector('#pager-top .pager-text').textContent);
  check('keyboard: Enter on Next shows the next screen of entries', pageAfter !== pageBefore, `${pageBefore} → ${pageAfter}`);
  await page.focus('#f-page');
  await page.keyboard.type('sv/formaner');
  await page.waitForFunction(() => /sv\/formaner/.test(document.querySelector('li.entry:not([hidden])')?.textContent || ''));
  check('page filter narrows to matching pages', true);

  // A link from the overview's rule table to a rule whose section the paging hides: the script
  // filters to that rule so the link lands on visible content.
  const target = await page.evaluate(() => {
    const links = [...document.querySelectorAll('#t-rules a[href^="#rule-"]')];
    return links[links.length - 1].getAttribute('href');
  });
  await page.click(`#t-rules a[href="${target}"]`);
  const landed = await page.evaluate((hash) => {
    const section = document.getElementById(hash.slice(1));
    return !section.hidden && document.getElementById('f-rule').value === section.getAttribute('data-r');
  }, target);
  check('a link to a rule hidden by paging shows that rule', landed, target);

  // Reflow at 320 CSS px (SC 1.4.10): no horizontal scrolling of the page.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const overflow = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  check('reflow: no horizontal scrolling at 320 CSS px', overflow.scroll <= overflow.client, `page ${overflow.scroll} px wide in a ${overflow.client} px viewport`);
  await page.screenshot({ path: path.join(outDir, 'report-320px.png') });
  await page.close();

  // axe-core walks every element: on the 650 000 elements of the large report one run takes
  // minutes, so it checks the medium report (the same markup, 150 pages) and the hostile ones,
  // collapsed and with every <details> opened, at desktop width and at 320 px.
  for (const name of ['medium', 'hostile']) {
    for (const lang of ['en', 'fi', 'sv']) {
      const p = await axeContext.newPage();
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.goto(reportUrl(`${name}-${lang}.html`), { waitUntil: 'load' });
      await p.addScriptTag({ content: axeSource });
      await runAxe(p, `${name} report (${lang})`);
      await p.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      await runAxe(p, `${name} report (${lang}), every finding opened`);
      await p.setViewportSize({ width: 320, height: 640 });
      const o = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      check(`reflow: ${name} report (${lang}) opened, no horizontal scrolling at 320 CSS px`, o[0] <= o[1], `page ${o[0]} px wide in a ${o[1]} px viewport`);
      await runAxe(p, `${name} report (${lang}) at 320 px`);
      await p.close();
    }
  }
  await axeContext.close();

  // ---- 4: the report's own CSP in force ----
  const strict = await browser.newContext();
  strict.setDefaultTimeout(120000);
  strict.setDefaultNavigationTimeout(120000);
  for (const lang of ['en', 'fi', 'sv']) {
    const p = await strict.newPage();
    const dialogs = [];
    const cspMessages = [];
    const errors = [];
    p.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspMessages.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(reportUrl(`hostile-${lang}.html`), { waitUntil: 'load' });
    await p.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await p.waitForTimeout(300);
    const state = await p.evaluate(() => ({
      pwned: typeof window.__pwned,
      scriptRan: !document.getElementById('filters').hidden,
      images: document.images.length,
      scripts: document.scripts.length,
    }));
    check(`hostile (${lang}): no payload ran`, state.pwned === 'undefined' && dialogs.length === 0, `__pwned: ${state.pwned}, dialogs: ${dialogs.length}`);
    check(`hostile (${lang}): the report's own script ran under its CSP`, state.scriptRan && errors.length === 0, errors.join('; '));
    check(`hostile (${lang}): no <img> and only the two own scripts in the DOM`, state.images === 0 && state.scripts === 2, JSON.stringify(state));
    if (cspMessages.length) console.log(`     (CSP reports, allowed: ${cspMessages.length}: ${cspMessages[0].slice(0, 120)})`);
    await p.close();
  }
  const p = await strict.newPage();
  await p.goto(reportUrl('large.html'), { waitUntil: 'load' });
  const strictRan = await p.evaluate(() => !document.getElementById('filters').hidden);
  check('large report: the own script runs with the CSP in force (hash matches)', strictRan);
  await strict.close();
} catch (e) {
  check('browser test ran to the end', false, e && e.stack ? e.stack : String(e));
} finally {
  await browser.close();
}

console.log(`screenshots: ${outDir}/report-top.png, report-finding.png, report-320px.png`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
