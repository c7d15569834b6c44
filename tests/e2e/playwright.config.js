// Playwright drives Debian's Chromium (/usr/bin/chromium) against the release
// build in dist/, served on 127.0.0.1 by Python's static server.
const { defineConfig } = require('@playwright/test');
const path = require('path');

const port = Number(process.env.E2E_PORT || 8181);
const dist = path.resolve(__dirname, '../../dist');
const python = process.env.PYTHON || 'python3';

module.exports = defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.js/,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  // One retry: the worker-backed Dataset tests and the file chooser depend on
  // timing on a busy 2-core machine; a retried pass is reported as flaky.
  retries: 1,
  workers: 2,
  reporter: [['list']],
  outputDir: path.resolve(__dirname, '../../target/e2e-results'),
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `${python} -m http.server ${port} --bind 127.0.0.1 --directory "${dist}"`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
