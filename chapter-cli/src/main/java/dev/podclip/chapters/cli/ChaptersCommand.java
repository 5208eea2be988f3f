package dev.podclip.chapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code bin/chapters}: the chapter engine for producers and scripts (docs/engine/cli.md).
 *
 * <p>Every command has two modes. {@code --jsonl} is the batch contract (one JSON request a line on standard input,
 * one answer a line out). Without it, the command reads a file or standard input and prints a table for people, or
 * with {@code --json} the same answer object the batch mode gives.
 *
 * <p>Exit codes: 0 done; 1 the input could not be read (the message says why); 2 usage error.
 */
@Command(name = "chapters", mixinStandardHelpOptions = true, version = "chapters 1.0",
        description = "Chapters from show notes, chapter files and transcripts.",
        subcommands = {ChaptersCommand.Parse.class, ChaptersCommand.Timecodes.class, ChaptersCommand.Duration.class,
                ChaptersCommand.ChapterFile.class, ChaptersCommand.TranscriptCommand.class})
public final class ChaptersCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_INPUT = 1;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line; separate from {@link #main} so tests can call it without exiting the JVM. */
    static int execute(String... args) {
        return new CommandLine(new ChaptersCommand()).execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return CommandLine.ExitCode.USAGE;
    }

    /** Options every command shares: the two machine modes. */
    abstract static class Base implements Callable<Integer> {
        @Option(names = "--jsonl", description = "Batch mode: JSON requests a line on stdin, answers a line on stdout.")
        boolean jsonl;

        @Option(names = "--json", description = "Print the answer as one JSON object instead of a table.")
        boolean json;

        abstract ObjectNode answer(JsonNode request);

        abstract ObjectNode request() throws IOException;

        abstract void printTable(ObjectNode answer, PrintStream out);

        @Override
        public Integer call() throws IOException {
            if (jsonl) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                JsonlBatch.run(in, out, this::answer);
                return EXIT_OK;
            }
            return single();
        }

        private Integer single() throws IOException {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            ObjectNode answer;
            try {
                answer = answer(request());
            } catch (ChapterEngineException e) {
                System.err.println("chapters: " + e.code().wireName() + ": " + e.getMessage());
                return EXIT_INPUT;
            } catch (Requests.BadRequest e) {
                System.err.println("chapters: " + e.code + ": " + e.getMessage());
                return EXIT_INPUT;
            }
            if (json) {
                out.println(Requests.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            } else {
                printTable(answer, out);
            }
            return EXIT_OK;
        }
    }

    /** Reads show notes from a file or standard input, bounded by the engine's limit. */
    static String readNotes(String file) throws IOException {
        byte[] bytes = file == null || file.equals("-")
                ? System.in.readNBytes(Limits.MAX_NOTES_CHARS * 4 + 1)
                : Requests.readFile(file, Limits.MAX_NOTES_CHARS * 4);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Command(name = "parse", description = "Chapters in show notes (plain text or HTML), with durations and warnings.")
    static final class Parse extends Base {
        @Option(names = {"-d", "--duration"}, description = "Episode duration: \"1h 18m\", \"49 min\", 4680, 1:18:00.")
        String duration;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Show notes file; standard input when absent.")
        String file;

        @Override
        ObjectNode answer(JsonNode request) {
            return Requests.parse(request);
        }

        @Override
        ObjectNode request() throws IOException {
            ObjectNode request = Requests.JSON.createObjectNode();
            request.put("text", readNotes(file));
            request.put("duration", duration);
            return request;
        }

        @Override
        void printTable(ObjectNode answer, PrintStream out) {
            Tables.chapters(answer, out);
        }
    }

    @Command(name = "timecodes", description = "Every timestamp in the text a player should turn into a seek link.")
    static final class Timecodes extends Base {
        @Option(names = {"-d", "--duration"}, description = "Episode duration; timestamps past it are not links.")
        String duration;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Text file; standard input when absent.")
        String file;

        @Override
        ObjectNode answer(JsonNode request) {
            return Requests.timecodes(request);
        }

        @Override
        ObjectNode request() throws IOException {
            ObjectNode request = Requests.JSON.createObjectNode();
            request.put("text", readNotes(file));
            request.put("duration", duration);
            return request;
        }

        @Override
        void printTable(ObjectNode answer, PrintStream out) {
            Tables.timecodes(answer, out);
        }
    }

    @Command(name = "duration", description = "A duration as people, feeds (human) or Podlove (npt) write it.")
    static final class Duration extends Base {
        @Option(names = "--syntax", defaultValue = "human", description = "human (default) or npt.")
        String syntax;

        @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The duration text.")
        String text;

        @Override
        ObjectNode answer(JsonNode request) {
            return Requests.durationOf(request);
        }

        @Override
        ObjectNode request() {
            if (text == null) {
                throw new Requests.BadRequest("bad-request", "give the duration text as an argument");
            }
            ObjectNode request = Requests.JSON.createObjectNode();
            request.put("text", text);
            request.put("syntax", syntax);
            return request;
        }

        @Override
        void printTable(ObjectNode answer, PrintStream out) {
            Tables.duration(answer, out);
        }
    }

    @Command(name = "chapter-file", description = "A Podcasting 2.0 JSON or Podlove Simple Chapters file.")
    static final class ChapterFile extends Base {
        @Option(names = {"-d", "--duration"}, description = "Episode duration, to close the last chapter.")
        String duration;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The chapters file.")
        String file;

        @Override
        ObjectNode answer(JsonNode request) {
            return Requests.chapterFile(request);
        }

        @Override
        ObjectNode request() {
            ObjectNode request = Requests.JSON.createObjectNode();
            request.put("path", requireFile(file));
            request.put("duration", duration);
            return request;
        }

        @Override
        void printTable(ObjectNode answer, PrintStream out) {
            Tables.chapters(answer, out);
        }
    }

    @Command(name = "transcript", description = "A WebVTT, SRT, Podcasting 2.0 JSON or HTML transcript into cues.")
    static final class TranscriptCommand extends Base {
        @Option(names = "--format", defaultValue = "auto", description = "vtt, srt, json, html or auto (default).")
        String format;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The transcript file.")
        String file;

        @Override
        ObjectNode answer(JsonNode request) {
            return Requests.transcript(request);
        }

        @Override
        ObjectNode request() {
            ObjectNode request = Requests.JSON.createObjectNode();
            request.put("path", requireFile(file));
            request.put("format", format);
            return request;
        }

        @Override
        void printTable(ObjectNode answer, PrintStream out) {
            Tables.cues(answer, out);
        }
    }

    static String requireFile(String file) {
        if (file == null) {
            throw new Requests.BadRequest("bad-request", "give the file as an argument");
        }
        return file;
    }
}
