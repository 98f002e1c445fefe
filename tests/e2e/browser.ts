/** The browser tests start Chromium as the tools do (one home: scripts/lib/chromium.ts). */
export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
