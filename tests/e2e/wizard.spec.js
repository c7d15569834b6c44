// The decision wizard, driven as a person would: by role and accessible name.
const { test, expect, freshContext } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');

// Every path through the tree, with the outcome it must reach.
const PATHS = [
  { answers: ['Yes'], outcome: 'Prompt engineering' },
  { answers: ['No', 'Yes'], outcome: 'RAG (retrieval-augmented generation)' },
  { answers: ['No', 'No', 'No'], outcome: 'Collect data first, or use prompt engineering / RAG' },
  { answers: ['No', 'No', 'Yes', 'Limited'], outcome: 'LoRA, or prompt engineering / RAG' },
  { answers: ['No', 'No', 'Yes', 'Enough for training', 'Low'], outcome: 'Prompt engineering / RAG' },
  { answers: ['No', 'No', 'Yes', 'Enough for training', 'Medium'], outcome: 'LoRA or fine-tuning' },
  { answers: ['No', 'No', 'Yes', 'Enough for training', 'High'], outcome: 'Full fine-tuning' },
];

const { QUESTIONS } = require('./pages');

// Every explainer, in the page's order (src/core/decision/approaches.rs).
const APPROACHES = [
  'Prompt engineering', 'RAG (retrieval-augmented generation)', 'Fine-tuning', 'LoRA (low-rank adaptation)',
  'QLoRA (quantized LoRA)', 'Preference tuning (DPO)', 'Full fine-tuning', 'Domain adaptation',
  'Task-specific training', 'Distillation',
];

async function start(page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[0] })).toBeVisible();
}

async function walk(page, answers) {
  for (let i = 0; i < answers.length; i++) {
    await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[i] })).toBeVisible();
    await page.getByRole('radio', { name: answers[i], exact: true }).check();
    const last = i === answers.length - 1;
    await page.getByRole('button', { name: last ? 'See the recommendation' : 'Next question' }).click();
  }
}

for (const { answers, outcome } of PATHS) {
  test(`walks ${answers.join(' → ')} to "${outcome}"`, async ({ page }) => {
    await start(page);
    await walk(page, answers);
    await expect(page.getByRole('heading', { level: 2, name: outcome, exact: true })).toBeVisible();
    // The path list names every answer and the result.
    const progress = page.getByRole('complementary', { name: 'Your progress' });
    for (let i = 0; i < answers.length; i++) {
      await expect(progress.getByRole('button', { name: `Step ${i + 1}: ${QUESTIONS[i]} ${answers[i]}` })).toBeVisible();
    }
    await expect(progress.getByRole('button', { name: `Result: ${outcome}` })).toBeVisible();
    // The tree drawing describes the same path, and highlights one outcome.
    const tree = page.getByRole('img', { name: /^Decision tree\. Your path:/ });
    await expect(tree).toHaveAttribute('aria-label', new RegExp(`result: ${outcome.replace(/[()/]/g, '.')}\\.$`));
    await expect(tree.locator('.node.reached')).toHaveCount(1);
    await expect(tree.locator('.edge.on')).toHaveCount(answers.length);
    // Reasons: one per answered step; next steps; explainers.
    await expect(page.locator('.reasons li')).toHaveCount(answers.length);
    await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();
    for (const name of APPROACHES) {
      await expect(page.locator('details.approach summary', { hasText: name }).first()).toBeVisible();
    }
  });
}

test('ticked criteria suggest an answer and say why; the user decides', async ({ page }) => {
  await start(page);
  await expect(page.locator('.suggestion')).toContainText('With nothing ticked, the suggestion is: No');
  await page.getByRole('checkbox', { name: 'The task is simple' }).check();
  await page.getByRole('checkbox', { name: 'General knowledge is enough' }).check();
  const suggestion = page.locator('.suggestion');
  await expect(suggestion).toContainText('Suggested answer: Yes');
  await expect(suggestion).toContainText('the task is simple');
  await page.getByRole('checkbox', { name: 'General knowledge is enough' }).uncheck();
  await expect(suggestion).toContainText('Suggested answer: No');
  await expect(suggestion).toContainText('prompts cannot add knowledge');
  await page.getByRole('button', { name: 'Use the suggestion' }).click();
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  // Choosing against the suggestion is allowed and acknowledged.
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(page.getByText('Your answer differs from the suggestion')).toBeVisible();
  await page.getByRole('button', { name: 'See the recommendation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Prompt engineering', exact: true })).toBeVisible();
  await expect(page.locator('.reasons')).toContainText('You ticked: the task is simple');
});

test('back, jump to an answered step, start over and undo', async ({ page }) => {
  await start(page);
  await walk(page, PATHS[6].answers);
  await expect(page.getByRole('heading', { level: 2, name: 'Full fine-tuning' })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[4] })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'High' })).toBeChecked();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[3] })).toBeVisible();
  // Jump to step 2 from the path list and change course.
  await page.getByRole('button', { name: `Step 2: ${QUESTIONS[1]} No` }).click();
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[1] })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[1] })).toBeFocused();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'See the recommendation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'RAG (retrieval-augmented generation)' })).toBeVisible();
  // Going back to "No" restores the later answers that were kept.
  await page.getByRole('button', { name: `Step 2: ${QUESTIONS[1]} Yes` }).click();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[0] })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'No', exact: true })).not.toBeChecked();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Result: Full fine-tuning' })).toBeVisible();
});

test('a reload keeps the answers', async ({ page }) => {
  await start(page);
  await walk(page, PATHS[5].answers);
  await expect(page.getByRole('heading', { level: 2, name: 'LoRA or fine-tuning' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'LoRA or fine-tuning' })).toBeVisible();
  // Also after leaving the address: local storage alone brings them back.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'LoRA or fine-tuning' })).toBeVisible();
});

test('the shared link shows the same result in a fresh browser context', async ({ page, browser }) => {
  await start(page);
  await walk(page, PATHS[3].answers);
  await expect(page.getByRole('heading', { level: 2, name: PATHS[3].outcome })).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Link to this result' }).inputValue();
  expect(link).toContain('#/wizard?');
  expect(page.url()).toBe(link);
  const fresh = await freshContext(browser);
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 2, name: PATHS[3].outcome, exact: true })).toBeVisible();
  await expect(other.getByRole('button', { name: `Step 4: ${QUESTIONS[3]} Limited` })).toBeVisible();
  await fresh.close();
});

test('a tampered or garbage link falls back without breaking the page', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#/wizard?pe=no&rag=%%%&budget=yes&level=\u0000&at=nowhere');
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[1] })).toBeVisible();
  await page.goto('/#/nowhere/at/all?%ZZ');
  await expect(page.getByRole('heading', { level: 1, name: 'Should we fine-tune?' })).toBeVisible();
  // Stored state that is garbage is ignored too.
  await page.evaluate(() => localStorage.setItem('tunewise.wizard.v1', '\u0000{"not":"ours"}%%%'));
  await page.goto('/');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[0] })).toBeVisible();
  // A link with nothing usable in it never wipes saved answers.
  await walk(page, PATHS[1].answers);
  await page.goto('/#/wizard?utm_source=x&%%');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: PATHS[1].outcome })).toBeVisible();
  expect(errors).toEqual([]);
});

test('navigation between sections', async ({ page }) => {
  await start(page);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Wizard' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Approaches' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ways to adapt a model' })).toBeVisible();
  await expect(page).toHaveTitle(/Approaches explained/);
  await expect(page.locator('details.approach[open]')).toHaveCount(APPROACHES.length);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[0] })).toBeVisible();
});

test('a link opens the Approaches page on one card, focused; the page lists every card', async ({ page }) => {
  await page.goto('/#/approaches?focus=rag');
  await expect(page.getByRole('heading', { level: 1, name: 'Ways to adapt a model' })).toBeVisible();
  await expect(page.locator('#rag > summary')).toBeFocused();
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await expect(contents.getByRole('link')).toHaveText(APPROACHES);
  await contents.getByRole('link', { name: 'QLoRA (quantized LoRA)' }).click();
  await expect(page).toHaveURL(/#\/approaches\?focus=qlora$/);
  await expect(page.locator('#qlora > summary')).toBeFocused();
});

// Presses Tab until `locator` has focus; fails after `max` presses.
async function tabTo(page, locator, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${locator} with Tab`);
}

test('a keyboard-only walk reaches a result', async ({ page }) => {
  await start(page);
  // Step 1: tick a criterion with Space, choose "No" with the arrow keys.
  await tabTo(page, page.getByRole('checkbox', { name: 'The task is simple' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'The task is simple' })).toBeChecked();
  await tabTo(page, page.getByRole('radio', { name: 'Yes', exact: true }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Next question' }));
  await page.keyboard.press('Enter');
  // Focus moves to the new question.
  await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[1] })).toBeFocused();
  for (const [i, key] of [[1, 'ArrowDown'], [2, null], [3, 'ArrowDown'], [4, 'ArrowDown']]) {
    await tabTo(page, page.getByRole('radio').first());
    if (key) {
      await page.keyboard.press(key);
    } else {
      await page.keyboard.press('Space');
    }
    const last = i === 4;
    await tabTo(page, page.getByRole('button', { name: last ? 'See the recommendation' : 'Next question' }));
    await page.keyboard.press('Enter');
    if (!last) await expect(page.getByRole('heading', { level: 2, name: QUESTIONS[i + 1] })).toBeFocused();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'LoRA or fine-tuning' })).toBeFocused();
  // The focus ring is visible.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).toBe('solid');
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no serious or critical violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await start(page);
    expect(await axe(page), 'step view').toEqual([]);
    await walk(page, PATHS[6].answers);
    await expect(page.getByRole('heading', { level: 2, name: 'Full fine-tuning' })).toBeVisible();
    expect(await axe(page), 'result view').toEqual([]);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Approaches' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ways to adapt a model' })).toBeVisible();
    expect(await axe(page), 'approaches page').toEqual([]);
  });
}

test('screenshots of the result view (desktop light, desktop dark, 360 px phone)', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await start(page);
  await page.getByRole('checkbox', { name: 'The task is simple' }).check();
  await walk(page, PATHS[6].answers);
  await expect(page.getByRole('heading', { level: 2, name: 'Full fine-tuning' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'result-light.png'), fullPage: true });
  await page.screenshot({ path: path.join(SHOTS, 'result-top.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400); // colour transitions
  await page.screenshot({ path: path.join(SHOTS, 'result-dark.png'), fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 740 });
  // Nothing may overflow the phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, 'result-phone.png'), fullPage: true });
  await page.goto('/#/wizard');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'step-light.png'), fullPage: false });
  for (const f of ['result-light.png', 'result-dark.png', 'result-phone.png', 'step-light.png']) {
    expect(fs.statSync(path.join(SHOTS, f)).size).toBeGreaterThan(10_000);
  }
});

test('works offline after the first visit, answers included', async ({ page, context }) => {
  await start(page);
  // Wait until the service worker has installed (and precached the app).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await walk(page, PATHS[1].answers);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: PATHS[1].outcome })).toBeVisible();
  await context.setOffline(false);
});
