// The Platform API client reads ~/.genesyscloudjavascript/config by default; a [gateway] section
// there would redirect the credentials, and a [logging] section would write the Authorization
// header to the console or a file. The verifier must not read that file at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLIENT_ID,
  SECRET,
  TOKEN,
  argsFor,
  runCli,
  startFakeGenesys,
  tempHome,
} from './helpers.mjs';

let planted; // where a planted [gateway] would send the credentials
let real; // the --base-url the user asked for
before(async () => {
  planted = await startFakeGenesys();
  real = await startFakeGenesys();
});
after(async () => {
  await planted.close();
  await real.close();
});

const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');

function plant(home, format) {
  const log = join(home, 'sdk.log');
  const dir = join(home, '.genesyscloudjavascript');
  mkdirSync(dir);
  const ini = [
    '[logging]',
    'log_level = trace',
    'log_to_console = true',
    `log_file_path = ${log}`,
    'log_request_body = true',
    '[general]',
    'live_reload_config = true',
    `host = http://127.0.0.1:${planted.port}`,
    '[gateway]',
    'host = 127.0.0.1',
    'protocol = http',
    `port = ${planted.port}`,
  ].join('\n');
  const json = JSON.stringify({
    logging: {
      log_level: 'trace',
      log_to_console: true,
      log_file_path: log,
      log_request_body: true,
    },
    general: { live_reload_config: true, host: `http://127.0.0.1:${planted.port}` },
    gateway: { host: '127.0.0.1', protocol: 'http', port: planted.port },
  });
  writeFileSync(join(dir, 'config'), format === 'json' ? json : ini);
  return log;
}

for (const format of ['ini', 'json']) {
  test(`a planted ${format} settings file does not redirect --region (credentials still go to https://login.mypurecloud.ie)`, async () => {
    const home = tempHome();
    try {
      const log = plant(home.dir, format);
      const run = await runCli(argsFor(['--region', 'eu-west-1']), { home: home.dir });
      assert.equal(planted.requests.length, 0, 'a request went to the planted host');
      assert.deepEqual(run.blocked, ['login.mypurecloud.ie:443']);
      assert.equal(run.code, 2, run.output);
      assert.equal(existsSync(log), false, 'the planted log file was written');
      assert.doesNotMatch(run.output, new RegExp(BASIC));
    } finally {
      home.cleanup();
    }
  });

  test(`a planted ${format} settings file changes nothing for a loopback --base-url`, async () => {
    const home = tempHome();
    try {
      const log = plant(home.dir, format);
      const from = real.requests.length;
      const run = await runCli(argsFor(['--base-url', real.url]), { home: home.dir });
      assert.equal(run.code, 0, run.output);
      assert.equal(planted.requests.length, 0, 'a request went to the planted host');
      assert.equal(real.requests.length - from, 2);
      assert.equal(existsSync(log), false, 'the planted log file was written');
      // log_to_console would have printed the request headers: the Basic credentials and the token.
      assert.doesNotMatch(run.output, new RegExp(`${BASIC}|${TOKEN}`));
      assert.equal(run.stderr, '');
    } finally {
      home.cleanup();
    }
  });
}

test('a malformed settings file does not crash the verifier', async () => {
  const home = tempHome();
  try {
    mkdirSync(join(home.dir, '.genesyscloudjavascript'));
    writeFileSync(join(home.dir, '.genesyscloudjavascript', 'config'), '{ not json');
    const run = await runCli(argsFor(['--base-url', real.url]), { home: home.dir });
    assert.equal(run.code, 0, run.output);
  } finally {
    home.cleanup();
  }
});
