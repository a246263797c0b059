/** The dispatcher: help, version, unknown commands and flags, colour decisions, failures without stack traces. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/command.js";
import { commands } from "../../src/cli/commands/index.js";
import { UsageError } from "../../src/cli/errors.js";
import { chooseStyle, wantsColor } from "../../src/cli/output.js";
import { run } from "../../src/cli/run.js";
import { reportAddress } from "../../src/cli/version.js";
import { fakeIo } from "./fakeIo.js";

const ESC = "\u001b[";
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
  bugs?: unknown;
  repository?: unknown;
};

describe("program help and version", () => {
  it.each([["--help"], ["-h"], ["help"]])("prints the program help for %s and exits 0", async (flag) => {
    const io = fakeIo();
    expect(await run([flag], io)).toBe(0);
    for (const command of commands) expect(io.out()).toContain(command.name);
    expect(io.out()).toMatch(/Exit status:[\s\S]*0 [\s\S]*1 [\s\S]*2 [\s\S]*3 /);
    expect(io.err()).toBe("");
  });

  it("prints the help to standard error and exits 2 when no command is given", async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(2);
    expect(io.out()).toBe("");
    expect(io.err()).toContain("Usage: azure-identity-diagnostics <command>");
  });

  it.each([["--version"], ["-v"]])("prints package.json's version for %s", async (flag) => {
    const io = fakeIo();
    expect(await run([flag], io)).toBe(0);
    expect(io.out()).toBe(`${pkg.version}\n`);
  });

  it.each(commands.map((c) => [c.name]))(
    "prints %s's own help with --help, -h and 'help <command>'",
    async (name) => {
      for (const argv of [
        [name, "--help"],
        [name, "-h"],
        ["help", name],
        ["--help", name],
      ]) {
        const io = fakeIo();
        expect(await run(argv, io)).toBe(0);
        expect(io.out()).toContain(`Usage: azure-identity-diagnostics ${name}`);
        expect(io.out()).toContain("--json");
        expect(io.out()).toContain("Examples:");
        expect(io.out()).toMatch(/Exit status:\n {2}0 .+\n {2}1 .+\n {2}2 /);
      }
    },
  );

  it("help never reads standard input, even when some is waiting", async () => {
    let pulled = false;
    const stdin = {
      [Symbol.asyncIterator]: () => {
        pulled = true;
        return [][Symbol.iterator]() as unknown as AsyncIterator<string>;
      },
    };
    expect(await run(["explain", "--help"], fakeIo({ stdin }))).toBe(0);
    expect(pulled).toBe(false);
  });
});

describe("usage errors exit 2 with one clear line", () => {
  it("names an unknown command and suggests a close one", async () => {
    const io = fakeIo();
    expect(await run(["explian", "AADSTS7000215"], io)).toBe(2);
    expect(io.err()).toContain("unknown command 'explian'. Did you mean 'explain'?");
    expect(io.out()).toBe("");
  });

  it("names an unknown command without a suggestion when nothing is close", async () => {
    const io = fakeIo();
    expect(await run(["frobnicate"], io)).toBe(2);
    expect(io.err()).toMatch(/^azure-identity-diagnostics: unknown command 'frobnicate'\.\n/);
  });

  it("names an unknown flag of a command and points at that command's help", async () => {
    const io = fakeIo();
    expect(await run(["codes", "--frob"], io)).toBe(2);
    expect(io.err()).toContain("unknown option '--frob' for 'codes'");
    expect(io.err()).toContain("Run 'azure-identity-diagnostics codes --help'");
  });

  it("rejects an unknown flag before the command", async () => {
    const io = fakeIo();
    expect(await run(["--file", "x", "explain"], io)).toBe(2);
    expect(io.err()).toContain("unknown option '--file'");
  });

  it("says when a flag's value is missing or a boolean flag gets one", async () => {
    const missing = fakeIo();
    expect(await run(["explain", "--file"], missing)).toBe(2);
    expect(missing.err()).toContain("option --file needs a value");
    const extra = fakeIo();
    expect(await run(["codes", "--json=yes"], extra)).toBe(2);
    expect(extra.err()).toContain("option --json does not take a value");
  });

  it("accepts global flags before the command", async () => {
    const io = fakeIo();
    expect(await run(["--json", "codes", "7000215"], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "client-secret-invalid" })]),
    );
  });
});

describe("commands are plain objects: adding one is one module", () => {
  const echo: Command = {
    name: "echo",
    arguments: "[words...]",
    summary: "Echo the words.",
    description: "Prints its arguments.",
    options: { upper: { type: "boolean", description: "Upper-case them." } },
    examples: ["echo hi"],
    exitStatus: { ok: "always", finding: "never" },
    run: (context) => {
      const text = context.positionals.join(" ");
      if (text === "bad") throw new UsageError("bad words");
      if (text === "boom") throw new Error("kaboom client_secret=hunter2-secret-value");
      context.print(context.options.upper === true ? text.toUpperCase() : text);
      return Promise.resolve(context.json ? 1 : 0);
    },
  };

  it("dispatches to a command from the list, with its own flags and the global ones", async () => {
    const io = fakeIo();
    expect(await run(["echo", "--upper", "hi", "there"], io, [echo])).toBe(0);
    expect(io.out()).toBe("HI THERE\n");
    expect(await run(["echo", "--json", "x"], fakeIo(), [echo])).toBe(1);
  });

  it("lists the command in the program help and generates its help", async () => {
    const io = fakeIo();
    await run(["--help"], io, [echo]);
    expect(io.out()).toMatch(/echo \[words\.\.\.\] +Echo the words\./);
    const help = fakeIo();
    await run(["echo", "--help"], help, [echo]);
    expect(help.out()).toMatch(/--upper +Upper-case them\./);
  });

  it("turns a thrown UsageError into exit 2", async () => {
    const io = fakeIo();
    expect(await run(["echo", "bad"], io, [echo])).toBe(2);
    expect(io.err()).toBe(
      "azure-identity-diagnostics: bad words\nRun 'azure-identity-diagnostics echo --help' for usage.\n",
    );
  });

  it("turns an unexpected exception into exit 3: one line, no stack trace, no secret", async () => {
    const io = fakeIo();
    expect(await run(["echo", "boom"], io, [echo])).toBe(3);
    expect(io.err()).toContain("unexpected failure: kaboom");
    expect(io.err()).not.toContain("hunter2-secret-value");
    expect(io.err()).not.toMatch(/\n\s+at /);
  });
});

describe("colour and symbols", () => {
  const tty = { stdoutIsTTY: true, env: {} };
  const pipe = { stdoutIsTTY: false, env: {} };

  it("colours a terminal and not a pipe", () => {
    expect(wantsColor(tty)).toBe(true);
    expect(wantsColor(pipe)).toBe(false);
  });

  it("respects NO_COLOR (any non-empty value), TERM=dumb, FORCE_COLOR and the flags, in that documented order", () => {
    expect(wantsColor({ stdoutIsTTY: true, env: { NO_COLOR: "1" } })).toBe(false);
    expect(wantsColor({ stdoutIsTTY: true, env: { NO_COLOR: "" } })).toBe(true);
    expect(wantsColor({ stdoutIsTTY: true, env: { TERM: "dumb" } })).toBe(false);
    expect(wantsColor({ stdoutIsTTY: false, env: { FORCE_COLOR: "1" } })).toBe(true);
    expect(wantsColor({ stdoutIsTTY: false, env: { FORCE_COLOR: "" } })).toBe(true);
    expect(wantsColor({ stdoutIsTTY: true, env: { FORCE_COLOR: "0" } })).toBe(false);
    expect(wantsColor({ stdoutIsTTY: true, env: { FORCE_COLOR: "false" } })).toBe(false);
    expect(wantsColor({ stdoutIsTTY: true, env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).toBe(true);
    expect(wantsColor(pipe, { color: true })).toBe(true);
    expect(wantsColor({ stdoutIsTTY: true, env: { FORCE_COLOR: "1" } }, { noColor: true })).toBe(false);
  });

  it("uses symbols on a terminal and ASCII marks elsewhere", () => {
    expect(chooseStyle(tty).symbol.ok).toBe("✔");
    expect(chooseStyle({ stdoutIsTTY: true, env: { NO_COLOR: "1" } }).symbol.problem).toBe("✖");
    expect(chooseStyle(pipe).symbol.problem).toBe("[XX]");
    expect(chooseStyle({ stdoutIsTTY: true, env: { TERM: "dumb" } }).symbol.ok).toBe("[ok]");
  });

  it("colours command output on a terminal, plain when piped or with NO_COLOR or --no-color", async () => {
    const onTty = fakeIo({ stdoutIsTTY: true });
    await run(["explain", "AADSTS7000215: Invalid client secret provided."], onTty);
    expect(onTty.out()).toContain(ESC);

    for (const [argv, options] of [
      [["explain", "AADSTS7000215: Invalid client secret provided."], {}],
      [
        ["explain", "AADSTS7000215: Invalid client secret provided."],
        { stdoutIsTTY: true, env: { NO_COLOR: "1" } },
      ],
      [["explain", "--no-color", "AADSTS7000215: Invalid client secret provided."], { stdoutIsTTY: true }],
    ] as const) {
      const io = fakeIo(options);
      expect(await run(argv, io)).toBe(0);
      expect(io.out()).not.toContain(ESC);
      expect(io.out()).toContain("What to do");
    }
  });

  it("never colours JSON, even with --color", async () => {
    const io = fakeIo({ stdoutIsTTY: true });
    await run(["codes", "--json", "--color"], io);
    expect(io.out()).not.toContain(ESC);
    expect(() => JSON.parse(io.out()) as unknown).not.toThrow();
  });
});

describe("help a new user can follow", () => {
  it("prints each example with the program name once, and no link to a file the package does not ship", async () => {
    for (const command of commands) {
      const io = fakeIo();
      await run([command.name, "--help"], io);
      const examples = io.out().split("Examples:\n")[1]?.split("\n\n")[0] ?? "";
      expect(examples, command.name).not.toBe("");
      for (const line of examples.split("\n")) {
        expect(line.split("azure-identity-diagnostics").length - 1, line).toBe(1);
      }
      expect(io.out(), command.name).not.toMatch(/docs\/|\.md\b/);
    }
  });

  it("runs the self-contained examples of explain and codes as printed (exit 0 or 1, never a usage error)", async () => {
    for (const command of commands.filter((c) => c.name === "explain" || c.name === "codes")) {
      for (const example of command.examples) {
        if (/[|<>'"]|--file|\.log|\.txt/.test(example)) continue;
        const io = fakeIo({ stdinIsTTY: true });
        const code = await run(example.split(" ").filter(Boolean), io);
        expect([0, 1], `${example}: ${io.err()}`).toContain(code);
      }
    }
  });

  it("the exit-3 message says where to report the bug", async () => {
    const boom: Command = {
      name: "boom",
      arguments: "",
      summary: "Fail.",
      description: "Fails.",
      options: {},
      examples: ["boom"],
      exitStatus: { ok: "never", finding: "never" },
      run: () => Promise.reject(new Error("kaboom")),
    };
    const io = fakeIo();
    expect(await run(["boom"], io, [boom])).toBe(3);
    // The address comes from the package's own package.json (the npm page while it gives no bugs or repository).
    expect(reportAddress()).toBe(reportAddress(pkg));
    expect(io.err()).toContain(`via ${reportAddress()}.`);
    expect(io.err()).toContain("the command you ran");
    const help = fakeIo();
    await run(["--help"], help);
    expect(help.out()).toContain(`report it to the maintainers via ${reportAddress()})`);
  });

  it("reports to package.json's bugs address, else a GitHub repository's issues, else the npm page", () => {
    const npm = "https://www.npmjs.com/package/azure-identity-diagnostics";
    expect(reportAddress({})).toBe(npm);
    expect(reportAddress({ bugs: "https://example.org/tracker" })).toBe("https://example.org/tracker");
    expect(reportAddress({ bugs: { url: "https://example.org/b" } })).toBe("https://example.org/b");
    expect(
      reportAddress({ repository: { type: "git", url: "git+https://github.com/contoso/aid.git" } }),
    ).toBe("https://github.com/contoso/aid/issues");
    expect(reportAddress({ repository: "https://github.com/contoso/aid" })).toBe(
      "https://github.com/contoso/aid/issues",
    );
    // Nothing made up from an address that is not a usable link.
    expect(reportAddress({ bugs: "mailto:someone@example.org", repository: "gitlab:contoso/aid" })).toBe(npm);
    expect(reportAddress({ bugs: { email: "x@example.org" } })).toBe(npm);
  });
});
