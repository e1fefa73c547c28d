import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import { readWorkspace } from '@schematics/angular/utility';

/** The application `ng add` edits: its name and the folder its sources live in. */
export interface TargetProject {
  name: string;
  sourceRoot: string;
}

/**
 * Resolves `--project` against angular.json. The workspace's project collection is a Map, so a name
 * such as `__proto__` is just an unknown name. An unknown name, a library, or no name in a
 * workspace with several apps is an error that lists the applications: ng add never guesses.
 */
export async function resolveProject(
  tree: Tree,
  requested: string | undefined,
): Promise<TargetProject> {
  if (!tree.exists('angular.json')) {
    throw new SchematicsException(
      'ngx-genesys-chat: no angular.json here; run ng add from the root of an Angular workspace.',
    );
  }
  const workspace = await readWorkspace(tree);
  const apps = [...workspace.projects.entries()]
    .filter(([, p]) => p.extensions['projectType'] === 'application')
    .map(([name]) => name);
  const list = apps.length ? apps.join(', ') : '(none)';
  const name = requested ?? (apps.length === 1 ? apps[0] : undefined);
  if (name === undefined) {
    throw new SchematicsException(
      `ngx-genesys-chat: this workspace has ${apps.length} applications (${list}); ` +
        'choose one with --project <name>.',
    );
  }
  const project = workspace.projects.get(name);
  if (!project) {
    throw new SchematicsException(
      `ngx-genesys-chat: no project ${JSON.stringify(name)} in angular.json. ` +
        `Applications in this workspace: ${list}. Run ng add ngx-genesys-chat --project <one of them>.`,
    );
  }
  if (project.extensions['projectType'] !== 'application') {
    throw new SchematicsException(
      `ngx-genesys-chat: ${JSON.stringify(name)} is not an application; ng add configures an app. ` +
        `Applications in this workspace: ${list}. Use --project <one of them>.`,
    );
  }
  const root = project.root.replace(/\/$/, '');
  return { name, sourceRoot: project.sourceRoot ?? (root ? `${root}/src` : 'src') };
}
