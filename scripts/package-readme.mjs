// Writes the README that the ngx-genesys-chat package ships (dist/ngx-genesys-chat/README.md)
// from the repository's README, so the two never drift. A registry page has no repository next
// to it: the block between <!-- repo-only --> and <!-- /repo-only --> is dropped, and relative
// links become plain text naming the file in the source repository. Links to headings of the
// README itself (#...) are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The packaged README's text, from the repository README's text. */
export function packageReadme(markdown) {
  const withoutRepoOnly = markdown.replace(/<!-- repo-only -->[\s\S]*?<!-- \/repo-only -->\n*/g, '');
  return withoutRepoOnly.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (link, text, target) => {
    if (/^(https?:|mailto:|#)/.test(target)) return link;
    const file = target.replace(/#.*$/, '');
    return text.includes(file) || text === `\`${file}\`` ? text : `${text} (\`${file}\` in the source repository)`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = join(root, 'dist/ngx-genesys-chat/README.md');
  writeFileSync(out, packageReadme(readFileSync(join(root, 'README.md'), 'utf8')));
  console.log(`wrote ${out}`);
}
