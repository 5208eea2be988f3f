package dev.podclip.chapters.cli;

/** Entry point of bin/chapters (to be written: see docs/engine/cli.md). */
public final class ChaptersCommand {

    private ChaptersCommand() {
    }

    public static void main(String[] args) {
        System.err.println("bin/chapters: not implemented yet");
        System.exit(2);
    }
}
