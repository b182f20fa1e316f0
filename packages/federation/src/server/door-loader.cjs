// Loads door.ts into a production worker run from the monorepo, before Next
// (standalone artifacts carry it bundled as door.cjs instead). The TypeScript
// hook is removed right after: Next loads next.config.ts with hooks of its own.
const { register } = require('tsx/cjs/api');
const unregister = register();
require('./door.ts');
unregister();
