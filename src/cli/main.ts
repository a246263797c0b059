// The command line entry: filled in by the CLI work (issue 5).
export {};
