package dev.podclip.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** bin/stack's helpers: {@code load-demo} puts the seed listing into a running stack through the public APIs. */
@Command(name = "stack-tools", mixinStandardHelpOptions = true, subcommands = StackTools.LoadDemo.class)
public final class StackTools implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new StackTools()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return CommandLine.ExitCode.USAGE;
    }

    @Command(name = "load-demo", description = "Upserts the demo show and episodes (idempotent by guid), waits for "
            + "clip-service to serve their chapters, makes a few share links, prints what to open.")
    static final class LoadDemo implements Callable<Integer> {
        @Option(names = "--catalog", required = true, description = "catalog-service base URL")
        String catalogUrl;
        @Option(names = "--clip", required = true, description = "clip-service base URL")
        String clipUrl;
        @Option(names = "--data", required = true, description = "demo data file (demo/database-school.json)")
        Path data;
        @Option(names = "--media-base", required = true, description = "base URL of the synthetic demo media")
        String mediaBase;
        @Option(names = "--token", required = true, description = "a JWT with the editor role")
        String token;
        @Option(names = "--wait-seconds", defaultValue = "90", description = "how long to wait for clip-service")
        int waitSeconds;

        @Override
        public Integer call() throws Exception {
            DemoLoader loader = new DemoLoader(new Http(token), catalogUrl, clipUrl, mediaBase);
            return loader.load(data, java.time.Duration.ofSeconds(waitSeconds)) ? 0 : 1;
        }
    }
}
