// One source for the CSP sources: ng add prints cspLines(domain), and the README's CSP block (the
// fenced block right after the `<!-- csp-hosts -->` marker) must be exactly that, for the
// placeholder `<domain>` or for one region's domain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { app, DEPLOYMENT, logs, root, runner } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { cspLines, findRow, schemaChoices } = require(
  resolve(root, 'dist/ngx-genesys-chat/schematics/ng-add/index.cjs'),
);
const MARKER = '<!-- csp-hosts -->';

test("ng add prints the region's CSP lines exactly", async () => {
  const log = logs();
  await runner.runSchematic(
    'ng-add',
    { project: 'shop', deploymentId: DEPLOYMENT, environment: 'prod-apne1' },
    await app(true),
  );
  log.stop();
  const lines = cspLines(findRow({ environment: 'prod-apne1' }).domain);
  assert.ok(log.text().includes(`\n${lines}\n`), log.text());
  assert.match(
    lines,
    /^connect-src https:\/\/api-cdn\.mypurecloud\.jp https:\/\/api\.mypurecloud\.jp wss:\/\/webmessaging\.mypurecloud\.jp;$/m,
  );
});

test('every region has its own hosts in every CSP line that names a host', () => {
  for (const region of schemaChoices().regions) {
    const row = findRow({ region });
    for (const line of cspLines(row.domain)
      .split('\n')
      .filter((l) => l.includes('://'))) {
      for (const source of line.replace(/;$/, '').split(' ').slice(1)) {
        assert.ok(source.endsWith(`.${row.domain}`), `${region}: ${source}`);
      }
    }
  }
});

test(`the README's CSP block after ${MARKER} is exactly what ng add prints, for <domain> or a region's domain`, () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const at = readme.indexOf(MARKER);
  assert.ok(at >= 0, `README.md has no ${MARKER} marker before its CSP code block`);
  const block = /^```[^\n]*\n([\s\S]*?)\n```/m.exec(readme.slice(at + MARKER.length));
  assert.ok(block, `no fenced code block after ${MARKER}`);
  const domain = /https:\/\/apps\.(<domain>|[a-z0-9.-]+)/.exec(block[1])?.[1];
  const known = schemaChoices().regions.some((r) => findRow({ region: r }).domain === domain);
  assert.ok(
    domain === '<domain>' || known,
    `the block names neither apps.<domain> nor a region's apps host:\n${block[1]}`,
  );
  assert.equal(block[1], cspLines(domain));
});
