// Copies the front-end assets the app serves from the npm packages into frontend/dist/.
// Only the files the pages use are exposed as static files (collectstatic post-processes
// every CSS file it sees, and unused token files refer to images that are not shipped).
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const dist = join(here, "dist");

const files = [
  ["@utrecht/design-tokens/dist/index.css", "utrecht/design-tokens.css"],
  ["@utrecht/design-tokens/LICENSE.md", "utrecht/design-tokens.LICENSE.md"],
  ["@utrecht/component-library-css/dist/index.css", "utrecht/component-library.css"],
  ["@utrecht/component-library-css/LICENSE.md", "utrecht/component-library.LICENSE.md"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["htmx.org/LICENSE", "htmx/LICENSE"],
];

rmSync(dist, { recursive: true, force: true });
for (const [from, to] of files) {
  mkdirSync(dirname(join(dist, to)), { recursive: true });
  copyFileSync(join(modules, from), join(dist, to));
}
console.log(`frontend/dist: ${files.length} files`);
