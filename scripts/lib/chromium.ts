/**
 * How this project starts Debian Chromium (scripts/ensure-chromium.sh installs it): no downloads, no
 * background network (the machines here refuse it). Shared by the tools (screenshots, Lighthouse) and
 * the browser tests.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
