package dev.podclip.chapters.transcript;

import dev.podclip.chapters.Cue;

import java.util.List;

/** Cues out as WebVTT and SRT: one cue a block, text lines without blank lines (a blank line would end the cue). */
final class TranscriptWriter {

    private TranscriptWriter() {
    }

    static String vtt(List<Cue> cues) {
        StringBuilder out = new StringBuilder(64 + cues.size() * 64);
        out.append("WEBVTT\n");
        for (Cue cue : cues) {
            out.append('\n')
                    .append(CueTimes.format(cue.startMs(), '.')).append(" --> ")
                    .append(CueTimes.format(cue.endMs(), '.')).append('\n');
            String text = CueText.escapeVtt(CueText.tidyLines(cue.text()));
            if (cue.speaker() != null && !cue.speaker().isBlank()) {
                out.append("<v ").append(CueText.escapeVtt(oneLine(cue.speaker()))).append('>');
            }
            out.append(text).append('\n');
        }
        return out.toString();
    }

    static String srt(List<Cue> cues) {
        StringBuilder out = new StringBuilder(cues.size() * 64);
        int sequence = 1;
        for (Cue cue : cues) {
            if (sequence > 1) {
                out.append('\n');
            }
            out.append(sequence++).append('\n')
                    .append(CueTimes.format(cue.startMs(), ',')).append(" --> ")
                    .append(CueTimes.format(cue.endMs(), ',')).append('\n');
            if (cue.speaker() != null && !cue.speaker().isBlank()) {
                out.append(oneLine(cue.speaker())).append(": ");
            }
            out.append(CueText.tidyLines(cue.text())).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
