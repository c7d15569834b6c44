// The cost chart (costs.html): retirements marked, exports that agree with
// the readout, curves that can be hidden, a log cost axis, a probe that
// moves in round, even steps, and labels that never overlap.
const { test, expect } = require('./fixtures.js');
const { openCosts } = require('./pages');
const fs = require('fs');
const path = require('path');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');

const chart = (page) => page.getByRole('img', { name: /^Cumulative cost/ });
const chartPanel = (page) => page.getByRole('region', { name: 'Cumulative cost by volume' });
const probe = (page) => page.getByRole('slider', { name: /Read the figures at a volume/ });
const readoutItems = (page) => chartPanel(page).getByRole('listitem');

// An organisation that trains at OpenAI: its fine-tune, priced by
// default, retires on 2027-01-14, inside the 24-month horizon.
async function open(page) {
  await openCosts(page);
  await page.getByRole('radio', { name: 'Yes, within the last 60 days' }).check();
}

/** RFC 4180 rows of a CSV text, comment lines (starting with #) skipped. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cell); cell = ''; }
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

const usd = (x) => '$' + x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const volumeOf = async (page) => Number((await probe(page).getAttribute('aria-valuetext')).replace(/[^\d]/g, ''));

test('the retirement is marked on the chart and described', async ({ page }) => {
  await open(page);
  await expect(chart(page)).toHaveAttribute('aria-label', /API fine-tuning retires with its base model at [\d,]+ requests \([\d.]+ months?\), its curve ends there/);
  expect(await chart(page).evaluate((c) => [...c.querySelectorAll('text')].some((t) => t.textContent.trim() === 'retires'))).toBe(true);
});

test('the CSV after retirement matches the readout on screen', async ({ page }) => {
  await open(page);
  await probe(page).focus();
  await page.keyboard.press('End');
  const q = await volumeOf(page);
  await expect(readoutItems(page).filter({ hasText: 'API fine-tuning' })).toContainText('retired with its base model');
  const screen = {};
  for (const item of await readoutItems(page).all()) {
    const text = (await item.textContent()).trim();
    const [, name, value] = text.match(/^(.*?): (.*)$/);
    screen[name] = value;
  }
  const text = await download(page, 'Download CSV');
  expect(text.startsWith('# tunewise — cumulative cost by volume\n# date: 2026-12-01\n')).toBe(true);
  expect(text).toMatch(/^# API fine-tuning: .* retires with its base model after/m);
  const [header, ...rows] = parseCsv(text);
  const last = rows[rows.length - 1];
  expect(Number(last[0])).toBe(q);
  for (let k = 2; k < header.length; k++) {
    const name = header[k];
    if (screen[name] === 'retired with its base model') expect(last[k], name).toBe('');
    else expect(usd(Number(last[k])), name).toBe(screen[name]);
  }
  // No cost is added once a model has retired: its column stays empty to the end.
  const ft = header.indexOf('API fine-tuning');
  const firstEmpty = rows.findIndex((r) => r[ft] === '');
  expect(firstEmpty).toBeGreaterThan(0);
  expect(rows.slice(firstEmpty).every((r) => r[ft] === '')).toBe(true);
});

test('a curve can be hidden, and the readout and exports follow', async ({ page }) => {
  await open(page);
  const toggles = page.getByRole('group', { name: 'Show on chart' });
  const full = toggles.getByRole('checkbox', { name: 'Show Self-hosted full fine-tuning' });
  await expect(full).toBeChecked();
  await expect(readoutItems(page)).toHaveCount(6);
  await full.uncheck();
  await expect(chart(page)).toHaveAttribute('aria-label', /Hidden: Self-hosted full fine-tuning\./);
  await expect(readoutItems(page)).toHaveCount(5);
  expect(await chart(page).innerHTML()).not.toContain('Self-hosted full fine-tuning');
  const [header] = parseCsv(await download(page, 'Download CSV'));
  expect(header).not.toContain('Self-hosted full fine-tuning');
  await full.check();
  await expect(readoutItems(page)).toHaveCount(6);
});

test('a logarithmic cost axis', async ({ page }) => {
  await open(page);
  const box = page.getByRole('checkbox', { name: 'Logarithmic cost axis' });
  await box.check();
  await expect(chart(page)).toHaveAttribute('aria-label', /logarithmic cost axis/);
  expect(await chart(page).innerHTML()).toContain('Cumulative cost (USD, log scale)');
  const svg = await download(page, 'Download SVG');
  expect(svg).toContain('<title>tunewise — cumulative cost by volume</title>');
  expect(svg).toContain('Made on 2026-12-01');
  expect(svg).toContain('logarithmic cost axis');
  await box.uncheck();
  await expect(chart(page)).not.toHaveAttribute('aria-label', /logarithmic cost axis/);
});

test('the probe moves in round, even steps by keyboard', async ({ page }) => {
  await open(page);
  await probe(page).focus();
  await page.keyboard.press('Home');
  const volumes = [await volumeOf(page)];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowRight');
    volumes.push(await volumeOf(page));
  }
  const steps = volumes.slice(1).map((v, i) => v - volumes[i]);
  expect(volumes[0]).toBe(0);
  expect(new Set(steps).size).toBe(1);
  expect(steps[0]).toBeGreaterThan(0);
  expect(String(steps[0])).toMatch(/^[125]0*$/);
  // On the log volume axis: 1, 2, 5 × 10^k.
  await page.getByRole('checkbox', { name: 'Logarithmic volume axis' }).check();
  await probe(page).focus();
  await page.keyboard.press('Home');
  const logs = [await volumeOf(page)];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowRight');
    logs.push(await volumeOf(page));
  }
  for (const v of logs) expect(String(v)).toMatch(/^[125]0*$/);
  const ratios = logs.slice(1).map((v, i) => v / logs[i]);
  for (const r of ratios) expect([2, 2.5]).toContain(r);
});

/** Every pair of text boxes in the chart's SVG that overlap. */
async function overlaps(page) {
  return chart(page).evaluate((c) => {
    const boxes = [...c.querySelectorAll('svg text')]
      .filter((t) => t.textContent.trim() !== '')
      .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    const out = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          out.push(`${boxes[i].text} × ${boxes[j].text}`);
      }
    return out;
  });
}

test('screenshots of the chart: no label overlaps another', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  expect(await overlaps(page)).toEqual([]);
  await chartPanel(page).screenshot({ path: path.join(SHOTS, 'costs-chart-labels.png') });
  await page.getByRole('checkbox', { name: 'Logarithmic volume axis' }).check();
  await page.getByRole('checkbox', { name: 'Logarithmic cost axis' }).check();
  await expect(chart(page)).toHaveAttribute('aria-label', /logarithmic cost axis/);
  expect(await overlaps(page)).toEqual([]);
  await chartPanel(page).screenshot({ path: path.join(SHOTS, 'costs-chart-log-log.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => chart(page).evaluate((c) => c.querySelector('svg').getAttribute('width'))).toBe('300');
  expect(await overlaps(page)).toEqual([]);
  await chart(page).screenshot({ path: path.join(SHOTS, 'costs-chart-log-log-phone.png') });
});
