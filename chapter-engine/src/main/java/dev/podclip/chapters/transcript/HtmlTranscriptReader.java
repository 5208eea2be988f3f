package dev.podclip.chapters.transcript;

import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML transcripts as the Podcasting 2.0 namespace shows them: {@code <cite>Speaker:</cite> <time>0:53</time>
 * <p>words</p>}, read with a real HTML parser (scripts and styles dropped). Each {@code <p>} is a cue; the latest
 * {@code <cite>} is its speaker, a {@code <time>} before it its start. Paragraphs without a {@code <cite>} may name
 * their speaker as a {@code Name:} prefix. A paragraph without a time starts where the one before it started; a cue
 * ends where the next starts (one {@code cue-time-repaired} warning says how many had no time).
 */
final class HtmlTranscriptReader {


    private record Paragraph(long startMs, String text, String speaker) {
    }

    private HtmlTranscriptReader() {
    }

    static void read(String html, CueSink sink) {
        Document document = Jsoup.parse(html);
        document.select("script, style, template").remove();
        List<Paragraph> paragraphs = new ArrayList<>();
        String speaker = null;
        long pendingStartMs = CueTimes.NONE;
        long previousStartMs = 0;
        int untimed = 0;
        for (Element element : document.select("cite, time, p")) {
            switch (element.normalName()) {
                case "cite" -> speaker = speakerName(element.text());
                case "time" -> pendingStartMs = timeOf(element);
                default -> {
                    String text = CueText.tidyLines(element.text());
                    if (text.isEmpty()) {
                        continue;
                    }
                    String cueSpeaker = speaker;
                    if (cueSpeaker == null) {
                        Matcher prefix = CueText.SPEAKER_PREFIX.matcher(text);
                        if (prefix.matches()) {
                            cueSpeaker = prefix.group(1);
                            text = prefix.group(2);
                        }
                    }
                    long startMs = pendingStartMs;
                    if (startMs == CueTimes.NONE) {
                        startMs = previousStartMs;
                        untimed++;
                    }
                    paragraphs.add(new Paragraph(startMs, text, cueSpeaker));
                    previousStartMs = startMs;
                    pendingStartMs = CueTimes.NONE;
                }
            }
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            long endMs = i + 1 < paragraphs.size()
                    ? Math.max(p.startMs(), paragraphs.get(i + 1).startMs()) : p.startMs();
            sink.add(p.startMs(), endMs, p.text(), p.speaker());
        }
        if (untimed > 0) {
            sink.warn(Warning.of(WarningCode.CUE_TIME_REPAIRED, untimed
                    + " paragraph(s) without a <time>: each starts where the one before it started"));
        }
    }

    private static long timeOf(Element time) {
        long ms = CueTimes.parseAlone(time.text());
        if (ms == CueTimes.NONE && time.hasAttr("datetime")) {
            ms = CueTimes.parseAlone(time.attr("datetime"));
        }
        return ms;
    }

    private static String speakerName(String cite) {
        String name = cite.strip();
        if (name.endsWith(":")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name.isEmpty() ? null : name;
    }
}
