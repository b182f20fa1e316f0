// What next-env.d.ts gives an app, without its reference to generated files:
// typecheck then works on a fresh clone, before any build.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
