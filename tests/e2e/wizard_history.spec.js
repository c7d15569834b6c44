// The wizard and the browser's history: Back and Forward move between the
// steps (one entry per step moved, none per edit), and focus after "Use the
// suggestion". Driven by role and accessible name.
const { test, expect } = require('./fixtures');

const { QUESTIONS } = require('./pages');

const question = (page, i) => page.getByRole('heading', { level: 2, name: QUESTIONS[i] });
const progress = (page) => page.getByRole('complementary', { name: 'Your progress' });
const historyLength = (page) => page.evaluate(() => history.length);

async function answer(page, label, next = 'Next question') {
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.getByRole('button', { name: next }).click();
}

test('Back steps back through the steps and Forward returns; edits add no entries', async ({ page }) => {
  await page.goto('/');
  await expect(question(page, 0)).toBeVisible();
  const start = await historyLength(page);

  // Editing a step (ticks, answers) adds no history entry.
  await page.getByRole('checkbox', { name: 'The task is simple' }).check();
  await page.getByRole('checkbox', { name: 'The task is simple' }).uncheck();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  expect(await historyLength(page)).toBe(start);

  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(question(page, 1)).toBeVisible();
  await answer(page, 'No');
  await expect(question(page, 2)).toBeVisible();
  await answer(page, 'Yes');
  await expect(question(page, 3)).toBeVisible();
  // One entry per step moved.
  expect(await historyLength(page)).toBe(start + 3);

  await page.goBack();
  await expect(question(page, 2)).toBeVisible();
  await expect(question(page, 2)).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await page.goBack();
  await expect(question(page, 1)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  // Going back keeps the later answers, as the wizard's own Back does.
  await expect(progress(page).getByRole('button', { name: `Step 3: ${QUESTIONS[2]} Yes` })).toBeVisible();
  await page.goBack();
  await expect(question(page, 0)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();

  await page.goForward();
  await expect(question(page, 1)).toBeVisible();
  await page.goForward();
  await expect(question(page, 2)).toBeVisible();

  // A reload keeps the step and every answer.
  await page.reload();
  await expect(question(page, 2)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await expect(progress(page).getByRole('button', { name: `Step 2: ${QUESTIONS[1]} No` })).toBeVisible();
  await page.goForward();
  await expect(question(page, 3)).toBeVisible();
  // Still inside the app: Back from the first step's entry is where leaving would be.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(question(page, 0)).toBeVisible();
});

test('Back from the recommendation returns to the last question; Back after Start over restores the answers', async ({ page }) => {
  await page.goto('/');
  await answer(page, 'No');
  await answer(page, 'Yes', 'See the recommendation');
  await expect(page.getByRole('heading', { level: 2, name: 'RAG (retrieval-augmented generation)' })).toBeVisible();
  await page.goBack();
  await expect(question(page, 1)).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2, name: 'RAG (retrieval-augmented generation)' })).toBeVisible();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(question(page, 0)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'No', exact: true })).not.toBeChecked();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'RAG (retrieval-augmented generation)' })).toBeVisible();
  await expect(progress(page).getByRole('button', { name: `Step 2: ${QUESTIONS[1]} Yes` })).toBeVisible();
});

test('after "Use the suggestion" focus is on the chosen answer', async ({ page }) => {
  await page.goto('/');
  await expect(question(page, 0)).toBeVisible();
  await page.getByRole('checkbox', { name: 'The task is simple' }).check();
  await page.getByRole('checkbox', { name: 'General knowledge is enough' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Suggested answer: Yes' })).toBeVisible();
  // By keyboard: focus the button, press Enter.
  await page.getByRole('button', { name: 'Use the suggestion' }).focus();
  await page.keyboard.press('Enter');
  const yes = page.getByRole('radio', { name: 'Yes', exact: true });
  await expect(yes).toBeChecked();
  await expect(yes).toBeFocused();
  await expect(page.getByRole('button', { name: 'Use the suggestion' })).toBeDisabled();
  // By pointer, after the suggestion changes.
  await page.getByRole('checkbox', { name: 'General knowledge is enough' }).uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'Suggested answer: No' })).toBeVisible();
  await page.getByRole('button', { name: 'Use the suggestion' }).click();
  const no = page.getByRole('radio', { name: 'No', exact: true });
  await expect(no).toBeChecked();
  await expect(no).toBeFocused();
  // The next key goes on from there: Tab reaches the next control (Back is
  // disabled on step 1), not the top of the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused();
});
