// Node-only helpers: filled in by the CLI work (issue 5).
export {};
