// The virtual module esbuild.js builds for the web suite: every test/integration/suite/*.test.ts, in name order.
declare module 'verbatim-test-files' {
  const files: { name: string; load(): unknown }[];
  export = files;
}
