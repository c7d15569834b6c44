// Shared test fixtures: every page in these tests sees one fixed date, so
// no expectation moves with the calendar (prices, retirements and the
// calculator's defaults all depend on "today"). The real-date smoke tests
// in real_date.spec.js import @playwright/test directly instead.
const base = require('@playwright/test');

/** The date every end-to-end test runs on (Date.now and new Date only; timers run). */
const FROZEN_NOW = new Date('2026-12-01T09:00:00Z');

/** Fixes the clock of a browser context to FROZEN_NOW. */
async function freezeClock(context) {
  await context.clock.setFixedTime(FROZEN_NOW);
  return context;
}

/** A fresh browser context (no storage) with the same fixed clock. */
async function freshContext(browser, options = {}) {
  return freezeClock(await browser.newContext(options));
}

const test = base.test.extend({
  context: async ({ context }, use) => {
    await freezeClock(context);
    await use(context);
  },
});

module.exports = { test, expect: base.expect, FROZEN_NOW, freezeClock, freshContext };
