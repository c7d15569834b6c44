// Phones, 360 px wide: the decision tree stays legible (text drawn at 12 px
// or more) and every column of the calculator's result tables stays
// reachable. Screenshots go to target/screenshots/.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');
const PHONE = { width: 360, height: 740 };

// Every text of an SVG drawing, with the size it is drawn at on screen
// (its font size in user units times the drawing's scale) and whether it
// lies inside the drawing.
async function treeTexts(tree) {
  return tree.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const scale = svg.getScreenCTM().a;
    return [...svg.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect();
      return {
        text: t.textContent,
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
        inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5,
      };
    });
  });
}

async function expectLegible(page, tree) {
  await expect(tree).toBeVisible();
  const texts = await treeTexts(tree);
  expect(texts.length).toBe(23); // 12 boxes, 11 arrows
  for (const t of texts) {
    expect(t.px, `"${t.text}" is drawn at ${t.px.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
    expect(t.inside, `"${t.text}" leaves the drawing`).toBe(true);
  }
  // The drawing fits the screen: no sideways scrolling of the page or of the tree.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await tree.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
}

test('360 px: the decision tree is drawn in one column with text of 12 px or more', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Can retrieval (RAG) solve it?' })).toBeVisible();
  const tree = page.getByRole('img', { name: /^Decision tree\. Your path:/ });
  await expectLegible(page, tree);
  await tree.scrollIntoViewIfNeeded();
  await page.getByRole('complementary', { name: 'Your progress' }).screenshot({ path: path.join(SHOTS, 'tree-phone.png') });
  // The result view draws it in the main column: legible there too.
  await page.goto('/#/wizard?pe=no&rag=no&data=yes&budget=sufficient&level=medium');
  await expect(page.getByRole('heading', { level: 2, name: 'LoRA or fine-tuning', exact: true })).toBeVisible();
  await expectLegible(page, tree);
  await tree.screenshot({ path: path.join(SHOTS, 'tree-result-phone.png') });
  // Wide screens keep the wide drawing.
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await tree.evaluate((svg) => svg.viewBox.baseVal.width);
  expect(wide).toBe(500);
});

// The calculator's result tables, found by their named scroll regions.
const TABLES = [
  'Cost per approach, scrollable',
  'Break-even per pair, scrollable',
  'Multiplier sweep, scrollable',
  'Tornado, scrollable',
];

test('360 px: every column of the cost tables is reachable, and a table wider than the screen scrolls by keyboard', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize(PHONE);
  await page.goto('/costs.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Costs and break-even' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page itself never scrolls sideways').toBeLessThanOrEqual(0);

  for (const name of TABLES) {
    const region = page.getByRole('region', { name, exact: true });
    const table = region.getByRole('table');
    await expect(table, name).toHaveCount(1);
    await table.scrollIntoViewIfNeeded();
    const scroller = await region.elementHandle();
    const m = await scroller.evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth, shadow: getComputedStyle(s).backgroundImage }));
    const file = `costs-table-phone-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}.png`;
    await scroller.asElement().screenshot({ path: path.join(SHOTS, file) });
    if (m.scroll > m.client) {
      // Wider than its box: it shows so (edge shadows), the keyboard can
      // focus it and scroll it with the arrow keys.
      expect(m.shadow, `${name}: edge shadows`).toContain('radial-gradient');
      await scroller.evaluate((s) => { s.scrollLeft = 0; s.focus(); });
      expect(await scroller.evaluate((s) => s === document.activeElement), `${name}: focusable`).toBe(true);
      for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
      const left = await scroller.evaluate((s) => s.scrollLeft);
      expect(left, `${name}: scrolled by keyboard`).toBeGreaterThan(0);
      await scroller.asElement().screenshot({ path: path.join(SHOTS, file.replace('.png', '-scrolled.png')) });
      // The approach column stays in view while the figures scroll.
      const first = await table.getByRole('columnheader').first().boundingBox();
      const box = await scroller.asElement().boundingBox();
      expect(first.x).toBeGreaterThanOrEqual(box.x - 1);
    }
    // Every column header can be brought fully into view inside its box.
    const headers = table.getByRole('columnheader');
    const count = await headers.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const inView = await headers.nth(i).evaluate((th) => {
        th.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const s = th.closest('table').parentElement.getBoundingClientRect();
        const r = th.getBoundingClientRect();
        return r.left >= s.left - 1 && r.right <= s.right + 1 && r.width > 0;
      });
      expect(inView, `${name}: column ${i + 1} reachable`).toBe(true);
    }
  }
  await page.screenshot({ path: path.join(SHOTS, 'costs-phone.png'), fullPage: true });
});
