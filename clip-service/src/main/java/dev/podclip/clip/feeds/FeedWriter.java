package dev.podclip.clip.feeds;

import dev.podclip.support.text.XmlText;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a show's RSS 2.0 feed with XMLStreamWriter (every text and attribute escaped by the writer, and cleaned of
 * characters XML cannot hold by XmlText). Pure.
 * Namespaces: itunes for durations, podcast (Podcasting 2.0) for chapters, transcripts and soundbites, atom for the
 * self link.
 */
final class FeedWriter {

    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String PODCAST = "https://podcastindex.org/namespace/1.0";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** RFC 822 dates as RFC 1123 writes them, always in GMT. */
    static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private FeedWriter() {
    }

    /** @param baseUrl the public URL of this service, no trailing slash */
    static String write(FeedRows feed, String baseUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("itunes", ITUNES);
            xml.writeNamespace("podcast", PODCAST);
            xml.writeNamespace("atom", ATOM);
            xml.writeStartElement("channel");
            String self = baseUrl + "/feeds/" + feed.showSlug() + ".xml";
            element(xml, "title", feed.showTitle());
            element(xml, "link", self);
            element(xml, "description", "Episodes of " + feed.showTitle() + " with chapters, transcripts and"
                    + " featured clips by podclip");
            element(xml, "generator", "podclip clip-service");
            xml.writeEmptyElement("atom", "link", ATOM);
            xml.writeAttribute("href", XmlText.clean(self));
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (FeedRows.Item item : feed.items()) {
                item(xml, item, baseUrl);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void item(XMLStreamWriter xml, FeedRows.Item item, String baseUrl) throws XMLStreamException {
        String episodeUrl = baseUrl + "/api/episodes/" + item.episodeId();
        xml.writeStartElement("item");
        element(xml, "title", item.title());
        if (item.showNotes() != null && !item.showNotes().isBlank()) {
            element(xml, "description", item.showNotes());
        }
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        // Podcast apps key episodes by guid: keep the one the catalog has, so subscribers see no duplicates.
        xml.writeCharacters(XmlText.clean(item.guid() != null ? item.guid() : "podclip:episode:" + item.episodeId()));
        xml.writeEndElement();
        if (item.publishedAt() != null) {
            element(xml, "pubDate", RFC_822.format(item.publishedAt()));
        }
        xml.writeEmptyElement("enclosure");
        xml.writeAttribute("url", XmlText.clean(item.audioUrl()));
        xml.writeAttribute("type", XmlText.clean(mediaType(item.audioUrl())));
        xml.writeAttribute("length", "0");
        if (item.durationMs() != null) {
            xml.writeStartElement("itunes", "duration", ITUNES);
            xml.writeCharacters(Long.toString(item.durationMs() / 1000));
            xml.writeEndElement();
        }
        if (item.chapters()) {
            xml.writeEmptyElement("podcast", "chapters", PODCAST);
            xml.writeAttribute("url", XmlText.clean(episodeUrl + "/chapters.json"));
            xml.writeAttribute("type", "application/json+chapters");
        }
        if (item.transcript()) {
            xml.writeEmptyElement("podcast", "transcript", PODCAST);
            xml.writeAttribute("url", XmlText.clean(episodeUrl + "/transcript.vtt"));
            xml.writeAttribute("type", "text/vtt");
        }
        for (FeedRows.Soundbite bite : item.soundbites()) {
            xml.writeStartElement("podcast", "soundbite", PODCAST);
            xml.writeAttribute("startTime", seconds(bite.startMs()));
            xml.writeAttribute("duration", seconds(bite.endMs() - bite.startMs()));
            if (bite.title() != null) {
                xml.writeCharacters(XmlText.clean(bite.title()));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Milliseconds as decimal seconds without trailing zeros ({@code 73500} is {@code 73.5}). */
    static String seconds(long ms) {
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    /** The enclosure type from the file extension; audio/mpeg (the podcast default) when unknown. */
    static String mediaType(String url) {
        String path = url;
        for (char cut : new char[] {'#', '?'}) {
            int at = path.indexOf(cut);
            path = at < 0 ? path : path.substring(0, at);
        }
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "m4a", "mp4", "aac" -> "audio/mp4";
            case "ogg", "oga" -> "audio/ogg";
            case "opus" -> "audio/opus";
            case "wav" -> "audio/wav";
            case "flac" -> "audio/flac";
            default -> "audio/mpeg";
        };
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text == null ? "" : text));
        xml.writeEndElement();
    }
}
