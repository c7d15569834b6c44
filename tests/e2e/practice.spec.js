// The practice page, used as a person would: a quiz answered right and
// wrong, flashcards revealed, rated and undone, a generated exercise solved
// wrongly then rightly, a mock interview, progress exported, reset and
// imported back, keyboard only, axe-core in light and dark, screenshots.
const { test, expect } = require('./fixtures');
const fs = require('fs');
const path = require('path');

const SHOTS = path.resolve(__dirname, '../../target/screenshots');
const BANK = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/questions.json'), 'utf8'));
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

async function open(page, query = '') {
  const file = query.includes('mode=exercises') ? '/exercises.html' : '/practice.html';
  await page.goto(file + (query ? '#/practice?' + query : ''));
  await expect(page.getByRole('heading', { level: 1, name: 'Practise' })).toBeVisible();
}

/** The multiple-choice questions a filter keeps, in the bank's order (as the quiz asks them). */
function quizQuestions(topic, difficulty) {
  return BANK.questions.filter(
    (q) => q.choices && (!topic || q.topics.includes(topic)) && (!difficulty || q.difficulty === difficulty),
  );
}

/** The smallest topic and level pair with two to four quiz questions. */
function smallFilter() {
  const topics = ['when-to-train', 'data', 'costs', 'methods', 'domain-and-task', 'evaluation', 'overfitting', 'providers'];
  for (const t of topics) {
    for (const d of ['foundation', 'intermediate', 'advanced']) {
      const qs = quizQuestions(t, d);
      if (qs.length >= 2 && qs.length <= 4) return { t, d, qs };
    }
  }
  throw new Error('no small filter in the bank');
}

const LABELS = {
  'when-to-train': 'When to train', data: 'Training data', costs: 'Costs and break-even', methods: 'Methods',
  'domain-and-task': 'Domain and task', evaluation: 'Evaluation', overfitting: 'Overfitting', providers: 'Providers and dates',
};
const LEVELS = { foundation: 'Foundation', intermediate: 'Intermediate', advanced: 'Advanced' };

const option = (page, text) => page.getByRole('list', { name: 'Options' }).getByRole('button', { name: text, exact: false });

test('a quiz question answered wrong and one answered right, with the reasons; the score and a retake of the missed', async ({ page }) => {
  const { t, d, qs } = smallFilter();
  await open(page, 'mode=quiz');
  await page.getByLabel('Topic').selectOption({ label: LABELS[t] });
  await page.getByLabel('Difficulty').selectOption({ label: LEVELS[d] });
  await expect(page.getByText(`Question 1 of ${qs.length}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: qs[0].question })).toBeVisible();

  // Wrong first.
  const right0 = qs[0].choices.findIndex((c) => c.correct);
  const wrong0 = (right0 + 1) % qs[0].choices.length;
  await option(page, qs[0].choices[wrong0].text).click();
  await expect(page.getByRole('status').filter({ hasText: `Not quite: the right answer is ${LETTERS[right0]}.` })).toBeVisible();
  await expect(page.getByText('Your answer, wrong:')).toBeVisible();
  await expect(page.getByText(qs[0].choices[wrong0].why)).toBeVisible();
  await expect(page.getByText('The right answer:')).toBeVisible();
  await expect(page.getByText(qs[0].choices[right0].why)).toBeVisible();
  // The answer is final.
  await expect(option(page, qs[0].choices[right0].text)).toBeDisabled();

  // Then every other one right.
  for (let i = 1; i < qs.length; i++) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const r = qs[i].choices.findIndex((c) => c.correct);
    await option(page, qs[i].choices[r].text).click();
    await expect(page.getByRole('status').filter({ hasText: /^Right\.$/ })).toBeVisible();
    await expect(page.getByText('Your answer, right:')).toBeVisible();
  }
  await expect(page.getByText(`${qs.length - 1} of ${qs.length} right`)).toBeVisible();
  await page.getByRole('button', { name: 'Retake the 1 missed' }).click();
  await expect(page.getByText('Question 1 of 1')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: qs[0].question })).toBeVisible();
});

test('a flashcard revealed and rated Good is due in 10 minutes; Undo brings it back; Easy sends it 15 days away', async ({ page }) => {
  await open(page, 'mode=cards');
  const first = BANK.questions[0];
  const second = BANK.questions[1];
  await expect(page.getByRole('heading', { level: 3, name: first.question })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Key points' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await expect(page.getByRole('heading', { name: 'Key points' })).toBeVisible();
  await expect(page.getByText(first.key_points[0])).toBeVisible();
  const rating = page.getByRole('group', { name: 'How well did you recall it?' });
  await expect(rating.getByRole('button', { name: /Good\s*10 min/ })).toBeVisible();
  await expect(rating.getByRole('button', { name: /Easy\s*15 days/ })).toBeVisible();
  await rating.getByRole('button', { name: /^Good/ }).click();
  await expect(page.getByText('Rated Good: due again in 10 min.').first()).toBeAttached();
  await expect(page.getByRole('heading', { level: 3, name: second.question })).toBeVisible();
  await expect(page.getByText(/^9 to study now/)).toBeVisible();

  await page.getByRole('button', { name: 'Undo last rating' }).click();
  await expect(page.getByRole('heading', { level: 3, name: first.question })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo last rating' })).toBeDisabled();
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await rating.getByRole('button', { name: /^Easy/ }).click();
  await expect(page.getByText('Rated Easy: due again in 15 days.').first()).toBeAttached();

  // The rating survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: second.question })).toBeVisible();
});

test('the daily new-card limit ends the session, and Review anyway goes on', async ({ page }) => {
  await open(page, 'mode=cards');
  await page.getByText('Daily limits').click();
  await page.getByLabel('New cards a day').fill('1');
  await page.getByLabel('New cards a day').press('Tab');
  await expect(page.getByText(/^1 to study now/)).toBeVisible();
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.getByText(/Nothing is due in this filter right now\. The next card is due in 10 min\./)).toBeVisible();
  await page.getByRole('button', { name: 'Review anyway' }).click();
  // Beyond the limit: the new cards first, the card just rated last.
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[1].question })).toBeVisible();
});

test('keyboard only: Space reveals, 1-4 rate, arrows move, U undoes; 1-5 answer the quiz', async ({ page }) => {
  await open(page, 'mode=cards');
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[0].question })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[1].question })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[0].question })).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('heading', { name: 'Key points' })).toHaveCount(0);
  await page.keyboard.press(' ');
  await expect(page.getByRole('heading', { name: 'Key points' })).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[1].question })).toBeVisible();
  await page.keyboard.press('u');
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[0].question })).toBeVisible();

  // The modes are links: Tab reaches them and Enter follows.
  const quizLink = page.getByRole('navigation', { name: 'Practice modes' }).getByRole('link', { name: 'Quiz' });
  for (let i = 0; i < 40 && !(await quizLink.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(quizLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quizLink).toHaveAttribute('aria-current', 'page');
  const q = quizQuestions()[0];
  const r = q.choices.findIndex((c) => c.correct);
  await page.keyboard.press(String(r + 1));
  await expect(page.getByRole('status').filter({ hasText: /^Right\.$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Question 2 of/)).toBeVisible();
  await expect(page.getByText('Keyboard shortcuts')).toBeVisible();
});

test('a generated exercise solved wrongly then rightly, with the worked solution; its link gives the same numbers', async ({ page, context }) => {
  await open(page, 'mode=exercises&ex=break-even-volume&seed=42');
  const prompt = await page.locator('.exercise-prompt').innerText();
  expect(prompt).toMatch(/\$/);
  const answer = page.getByLabel(/Your answer/);
  await answer.fill('1');
  await page.getByRole('button', { name: 'Check' }).click();
  const wrong = page.getByRole('status').filter({ hasText: /^Not quite: you answered \$?1\b.*; the answer is / });
  await expect(wrong).toBeVisible();
  const expected = (await wrong.innerText()).match(/the answer is \$?([\d,.]+)/)[1].replace(/\.$/, '');
  await expect(page.getByRole('heading', { name: 'Worked solution' })).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: '÷' }).first()).toBeVisible();
  await answer.fill(expected);
  await answer.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Correct:/ })).toBeVisible();
  await answer.fill('fifty');
  await answer.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /number/i })).toBeVisible();

  const href = await page.getByRole('link', { name: 'link to these numbers' }).getAttribute('href');
  expect(href).toMatch(/\/exercises\.html#\/practice\?mode=exercises&ex=break-even-volume&seed=42$/);
  const other = await context.newPage();
  await other.goto(href);
  await expect(other.locator('.exercise-prompt')).toHaveText(prompt);
  // New numbers change the exercise; the left arrow goes back to it.
  await other.getByRole('button', { name: 'New numbers' }).click();
  await expect(other.locator('.exercise-prompt')).not.toHaveText(prompt);
  // Arrows belong to the answer field while it has the focus: leave it first.
  await other.getByRole('button', { name: 'New numbers' }).focus();
  await other.keyboard.press('ArrowLeft');
  await expect(other.locator('.exercise-prompt')).toHaveText(prompt);
});

test('an exercises address opened on practice.html goes to the exercises page, and the modes link back', async ({ page }) => {
  await page.goto('/practice.html#/practice?mode=exercises&ex=training-cost&seed=7');
  await expect(page).toHaveURL(/\/exercises\.html#\/practice\?mode=exercises&ex=training-cost&seed=7$/);
  await expect(page.getByRole('heading', { level: 3, name: 'Training cost' })).toBeVisible();
  const modes = page.getByRole('navigation', { name: 'Practice modes' });
  await expect(modes.getByRole('link', { name: 'Exercises' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Practice' })).toHaveAttribute('aria-current', 'page');
  await modes.getByRole('link', { name: 'Quiz' }).click();
  await expect(page).toHaveURL(/\/practice\.html#\/practice\?mode=quiz$/);
  await expect(page.getByText(/^Question 1 of/)).toBeVisible();
});

test('a mock interview: answered in my words, compared, key points ticked, summarised', async ({ page }) => {
  await open(page, 'mode=interview');
  await page.getByLabel('Questions', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Start a mock interview' }).click();
  await expect(page.getByText('Question 1 of 3')).toBeVisible();
  await page.getByLabel('Your answer').fill('Start with prompts, measure, then retrieval, then train only if needed.');
  await page.getByRole('button', { name: 'Compare with the key points' }).click();
  const checklist = page.getByRole('group', { name: 'Tick the key points your answer covered' });
  await expect(checklist).toBeVisible();
  const boxes = checklist.getByRole('checkbox');
  const n = await boxes.count();
  expect(n).toBeGreaterThanOrEqual(3);
  await boxes.first().check();
  await expect(boxes.first()).toBeFocused();
  await expect(page.getByText(`1 of ${n} ticked`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByText('Question 2 of 3')).toBeVisible();
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('button', { name: 'Finish the interview' }).click();
  await expect(page.getByRole('heading', { name: 'Interview done' })).toBeVisible();
  await expect(page.getByText(new RegExp(`1 of ${n} key points`))).toBeVisible();
  await expect(page.getByText('not compared')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Interview done' })).toBeFocused();
  // → on the summary stays there and breaks nothing.
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Start a mock interview' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the overview needs no question bank: it shows today from the saved progress and opens each mode', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await open(page);
  await expect(page.getByRole('status').filter({ hasText: '0 cards due now of 0 studied' })).toBeVisible();
  expect(fetched).not.toContain('/questions.json');
  await page.getByRole('region', { name: 'Today' }).getByRole('link', { name: 'Flashcards' }).click();
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[0].question })).toBeVisible();
  expect(fetched).toContain('/questions.json');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('navigation', { name: 'Practice modes' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 cards due now of 1 studied · today 1 new and 0 reviews' })).toBeVisible();
});

test('progress exported, reset and imported back; a damaged file changes nothing', async ({ page }) => {
  await open(page, 'mode=cards');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('navigation', { name: 'Practice modes' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByText('1 flashcard ratings in the log')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  expect(download.suggestedFilename()).toBe('tunewise-practice-2026-12-01.json');
  const file = await download.path();
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(saved.format).toBe('tunewise-practice');
  expect(saved.log).toHaveLength(1);
  expect(saved.questions[BANK.questions[0].id].card.phase).toBe('learning');

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Erase your practice progress?' });
  await expect(dialog).toContainText('review log');
  await dialog.getByRole('button', { name: 'Erase progress' }).click();
  await expect(page.getByText('0 flashcard ratings in the log')).toBeVisible();

  await page.getByLabel('Import progress').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: /^Imported/ })).toBeVisible();
  await expect(page.getByText('1 flashcard ratings in the log')).toBeVisible();

  const damaged = path.join(path.dirname(file), 'damaged.json');
  fs.writeFileSync(damaged, fs.readFileSync(file, 'utf8').replace('"learning"', '"forgotten"'));
  await page.getByLabel('Import progress').setInputFiles(damaged);
  await expect(page.getByRole('alert').filter({ hasText: 'was not imported' })).toContainText('Nothing was changed.');
  const foreign = path.join(path.dirname(file), 'foreign.json');
  fs.writeFileSync(foreign, '{"messages":[{"role":"user","content":"hi"}]}');
  await page.getByLabel('Import progress').setInputFiles(foreign);
  await expect(page.getByRole('alert').filter({ hasText: 'not a tunewise practice progress file' })).toBeVisible();
  await expect(page.getByText('1 flashcard ratings in the log')).toBeVisible();
  await page.reload();
  await expect(page.getByText('1 flashcard ratings in the log')).toBeVisible();
});

test('damaged saved progress is kept aside with a notice, never a blank page', async ({ page }) => {
  await page.goto('/practice.html#/practice?mode=cards');
  await page.evaluate(() => localStorage.setItem('tunewise.practice.v1', '{"format":"tunewise-practice","version":1,"log":"<img src=x onerror=alert(1)>"}'));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: BANK.questions[0].question })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tunewise.practice.v1.unreadable'))).toContain('onerror');
  expect(await page.locator('img').count()).toBe(0);
});

async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations on the practice page (${scheme}), screenshots saved`, async ({ page }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, 'mode=cards');
    await page.getByRole('button', { name: 'Show the answer' }).click();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `practice-cards-${scheme}.png`), fullPage: true });
    await open(page, 'mode=quiz');
    const q = quizQuestions()[0];
    await option(page, q.choices[(q.choices.findIndex((c) => c.correct) + 1) % q.choices.length].text).click();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `practice-quiz-${scheme}.png`), fullPage: true });
    await open(page, 'mode=exercises&ex=training-cost&seed=7');
    await page.getByLabel(/Your answer/).fill('1');
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `practice-exercise-${scheme}.png`), fullPage: true });
    await open(page, 'mode=progress');
    expect(await axe(page)).toEqual([]);
  });
}
