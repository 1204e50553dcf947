import { parseCliArgs, USAGE } from "./args";
import { CliError, EXIT } from "./cli-error";

async function main(argv: string[]): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.command === "help") {
      process.stdout.write(USAGE + "\n");
      return EXIT.ok;
    }
    // Loaded only now: the engine and providers take a moment to import, help and typos should not wait.
    const { run, listing } = await import("./commands");
    return options.command === "run" ? await run(options) : await listing(options);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`moa-playground: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`moa-playground: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.runFailed;
  }
}

// Explicit exit once output is flushed: a loaded local model or a keep-alive socket must not hold the process open.
void main(process.argv.slice(2)).then((code) => {
  process.stdout.write("", () => process.exit(code));
});
