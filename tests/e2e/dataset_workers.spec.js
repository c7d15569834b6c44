// The Dataset page checks a large JSONL file with several workers: the
// report is the same as one worker's, Cancel stops every worker at once,
// and (benchmark) one huge line is checked in the worker.
const { test, expect } = require('./fixtures');
const { openDataset, verdict, verdictBox, findings } = require('./pages');

// Gives the page `n` cores before it loads (the page caps what it uses at 4).
async function withCores(page, n) {
  await page.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n, configurable: true });
  }, n);
}

// About 20 MB of chat lines made in the page, dropped as `name`: errors
// and exact duplicates are spread through the whole file, so every split
// point (wherever the parts start) has some near it, and duplicates of
// early lines appear in every later part.
async function dropLargeFile(page, name = 'large.jsonl') {
  await page.evaluate((name) => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
    const chat = (i) => JSON.stringify({ messages: [
      { role: 'system', content: 'You answer briefly.' },
      { role: 'user', content: `Question ${i}: ` + Array.from({ length: 12 + (i % 17) }, (_, k) => words[(i * 7 + k) % words.length]).join(' ') },
      { role: 'assistant', content: `Answer ${i % 997}. ` + words[i % words.length].repeat(1 + (i % 5)) },
    ] });
    const lines = [];
    let size = 0;
    let i = 0;
    while (size < 20e6) {
      let line;
      if (i % 4001 === 1000) line = '{"messages": [ broken json';
      else if (i % 5003 === 2000) line = JSON.stringify({ messages: [{ role: 'user', content: 'no reply ' + i }] });
      else if (i % 3001 === 1500) line = chat(i % 50); // an exact duplicate of an early line
      else if (i % 7919 === 3000) line = '';
      else line = chat(i);
      lines.push(line);
      size += line.length + 1;
      i++;
    }
    const file = new File([lines.join('\n') + '\n'], name, { type: 'application/jsonl' });
    const dt = new DataTransfer();
    dt.items.add(file);
    document.getElementsByTagName('main')[0].dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, name);
}

// What the page shows of a report, as text: verdict, counts, findings
// (every group opened), the token table.
async function shownReport(page, name) {
  await expect(verdict(page)).toContainText(name, { timeout: 180_000 });
  const groups = findings(page).getByRole('group');
  for (let k = 0; k < (await groups.count()); k++) {
    await groups.nth(k).evaluate((d) => { d.open = true; });
  }
  const tokens = page.getByRole('table', { name: /Tokens per valid example/ });
  await expect(tokens).toBeVisible();
  return {
    verdict: await verdictBox(page).innerText(),
    findings: await findings(page).innerText(),
    tokens: await tokens.innerText(),
    stats: await page.getByRole('region', { name: 'Statistics' }).innerText(),
    cost: await page.getByRole('region', { name: 'Training tokens and cost' }).innerText(),
  };
}

test('a large JSONL file checked by four workers gives the report one worker gives', async ({ browser }) => {
  test.setTimeout(600_000);
  const reports = [];
  const times = [];
  for (const cores of [1, 4]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await withCores(page, cores);
    await openDataset(page);
    // Load the vocabulary first, so the timings compare the checks alone.
    await page.getByLabel('Training file (JSONL)').setInputFiles({ name: 'tiny.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n') });
    await expect(verdict(page)).toBeVisible({ timeout: 120_000 });
    await dropLargeFile(page);
    await expect(page.getByText('Chosen: large.jsonl.')).toBeVisible();
    const report = await shownReport(page, 'large.jsonl');
    reports.push(report);
    times.push(await page.evaluate(() => window.__tunewiseTimings['dataset-validate'].at(-1)));
    await context.close();
  }
  console.log(`20 MB JSONL, o200k tokens: one worker ${(times[0] / 1000).toFixed(2)} s, up to four workers ${(times[1] / 1000).toFixed(2)} s`);
  expect(reports[0].findings).toContain('invalid_json');
  expect(reports[1].verdict).toBe(reports[0].verdict);
  expect(reports[1].findings).toBe(reports[0].findings);
  expect(reports[1].tokens).toBe(reports[0].tokens);
  expect(reports[1].stats).toBe(reports[0].stats);
  expect(reports[1].cost).toBe(reports[0].cost);
});

test('Cancel during a check by several workers shows Cancelled at once, and the next check works', async ({ page }) => {
  test.setTimeout(300_000);
  await withCores(page, 4);
  await openDataset(page);
  await dropLargeFile(page);
  const group = page.getByRole('group', { name: 'Checking the training file' });
  await expect(group.getByText(/ % · /)).toHaveText(/^[1-9]\d* % · /, { timeout: 120_000 });
  const clicked = Date.now();
  await group.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: large.jsonl was not checked' })).toBeVisible({ timeout: 1_000 });
  expect(Date.now() - clicked).toBeLessThan(2_000);
  await expect(page.getByRole('progressbar', { name: 'Checking the training file' })).toHaveCount(0);
  // The workers are free again: the same file checks to the end.
  await dropLargeFile(page, 'again.jsonl');
  await expect(verdict(page)).toContainText('again.jsonl', { timeout: 180_000 });
  await expect(findings(page)).toContainText('invalid_json');
});

test('benchmark: one 64 MiB line of numbers is checked in the worker', async ({ page }) => {
  test.setTimeout(600_000);
  await openDataset(page);
  await page.evaluate(() => {
    const target = 64 * 2 ** 20;
    const head = '{"messages":[';
    const ones = '1,'.repeat(Math.floor((target - head.length - 3) / 2));
    const file = new File([head, ones, '1]}'], 'one_line.jsonl', { type: 'application/jsonl' });
    const dt = new DataTransfer();
    dt.items.add(file);
    document.getElementsByTagName('main')[0].dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(verdict(page)).toBeVisible({ timeout: 540_000 });
  const t = await page.evaluate(() => ({
    ms: window.__tunewiseTimings['dataset-validate'].at(-1),
    memory: window.__tunewiseTimings['dataset-worker-memory-bytes'].at(-1),
  }));
  console.log(`one 64 MiB line: checked in ${(t.ms / 1000).toFixed(2)} s; worker WebAssembly memory ${(t.memory / 2 ** 20).toFixed(0)} MiB (${t.memory} bytes); verdict: ${await verdict(page).innerText()}`);
});
