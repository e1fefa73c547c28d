// `--project` names an application of the workspace, or ng add stops and lists them (issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, runner, snapshot, twoApps } from './helpers.mjs';

for (const project of ['nope', '__proto__', 'constructor']) {
  test(`--project ${project}: an error that lists the workspace's projects, and nothing is edited`, async () => {
    const tree = await twoApps();
    const before = snapshot(tree);
    await assert.rejects(
      runner.runSchematic(
        'ng-add',
        { project, deploymentId: DEPLOYMENT, region: 'eu-west-1' },
        tree,
      ),
      (e) => {
        assert.match(e.message, /no project/i);
        assert.match(e.message, /shop/);
        assert.match(e.message, /admin/);
        assert.match(e.message, /--project/);
        return true;
      },
    );
    assert.deepEqual(snapshot(tree), before);
  });
}

test('--project admin edits admin, not the first app', async () => {
  const tree = await twoApps();
  const before = tree.readText('src/app/app.config.ts');
  const out = await runner.runSchematic(
    'ng-add',
    { project: 'admin', deploymentId: DEPLOYMENT, region: 'eu-west-1' },
    tree,
  );
  assert.match(out.readText('projects/admin/src/app/app.config.ts'), /provideGenesysChat\(/);
  assert.equal(out.readText('src/app/app.config.ts'), before);
});

test('no --project in a workspace with two apps: an error that lists them', async () => {
  const tree = await twoApps();
  await assert.rejects(
    runner.runSchematic('ng-add', { deploymentId: DEPLOYMENT, region: 'eu-west-1' }, tree),
    /shop.*admin|admin.*shop/s,
  );
});

test('--project naming a library: an error that says it is not an application', async () => {
  const tree = await runner.runExternalSchematic(
    '@schematics/angular',
    'library',
    { name: 'ui-kit' },
    await twoApps(),
  );
  const before = snapshot(tree);
  await assert.rejects(
    runner.runSchematic(
      'ng-add',
      { project: 'ui-kit', deploymentId: DEPLOYMENT, region: 'eu-west-1' },
      tree,
    ),
    /"ui-kit" is not an application[\s\S]*shop, admin/,
  );
  assert.deepEqual(snapshot(tree), before);
});
