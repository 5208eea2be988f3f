package dev.podclip.catalog.feeds;

import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.net.FetchRefused;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An RSS 2.0 podcast feed read with StAX: streaming, namespace-aware, no DTD and no external entity ever read (a
 * DOCTYPE is refused outright). Unknown elements are skipped; optional fields may be missing. Refused with
 * {@link FetchRefused} ({@code malformed-feed}): XML that does not parse, no {@code <channel>}, too many items, an
 * item with neither guid nor enclosure.
 */
public final class FeedParser {

    public static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static final String PODCAST = "https://podcastindex.org/namespace/1.0";
    /** The namespace URI early podcast-namespace feeds declared; read the same. */
    public static final String PODCAST_LEGACY =
            "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md";
    public static final String PSC = "http://podlove.org/simple-chapters";
    public static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    /** Items read per feed; a larger feed is refused rather than half imported. */
    public static final int MAX_ITEMS = 5_000;
    /** psc:chapter, podcast:transcript and podcast:soundbite elements kept per item. */
    public static final int MAX_PARTS_PER_ITEM = 500;
    /** Warnings kept per feed. */
    public static final int MAX_WARNINGS = 100;

    /** RFC 822's zone names are fixed offsets (EST is always -0500), unlike the region names java.time knows. */
    private static final java.util.Map<String, String> RFC822_ZONES = java.util.Map.of(
            "UT", "+0000", "UTC", "+0000", "EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT", "-0500",
            "MST", "-0700", "MDT", "-0600", "PST", "-0800", "PDT", "-0700");
    private static final DateTimeFormatter ZONE_NAMES =
            DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss] z", Locale.ENGLISH);

    private FeedParser() {
    }

    public static ParsedFeed parse(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw malformed("not well-formed XML: " + e.getMessage());
        }
    }

    static FetchRefused malformed(String detail) {
        return FetchRefused.url(Reason.MALFORMED_FEED, detail);
    }

    private static ParsedFeed read(XMLStreamReader reader) throws XMLStreamException {
        ParsedFeed feed = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw malformed("a DOCTYPE is not accepted in a feed");
            }
            if (event == XMLStreamConstants.START_ELEMENT && "channel".equals(reader.getLocalName()) && feed == null) {
                feed = channel(reader);
            }
        }
        if (feed == null) {
            throw malformed("no <channel> element: not an RSS feed");
        }
        return feed;
    }

    private static ParsedFeed channel(XMLStreamReader reader) throws XMLStreamException {
        String title = null;
        String link = null;
        String description = null;
        String author = null;
        String imageUrl = null;
        List<ParsedFeed.Item> items = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        while (nextChild(reader)) {
            String ns = namespace(reader);
            String name = reader.getLocalName();
            if (ns.isEmpty() && name.equals("item")) {
                if (items.size() >= MAX_ITEMS) {
                    throw malformed("more than " + MAX_ITEMS + " items");
                }
                items.add(item(reader, items.size() + 1, warnings));
            } else if (ns.isEmpty() && name.equals("title")) {
                title = text(reader);
            } else if (ns.isEmpty() && name.equals("link")) {
                link = text(reader);
            } else if (ns.isEmpty() && name.equals("description")) {
                description = text(reader);
            } else if (ns.equals(ITUNES) && name.equals("author")) {
                author = text(reader);
            } else if (ns.equals(ITUNES) && name.equals("image")) {
                imageUrl = firstNonBlank(imageUrl, reader.getAttributeValue(null, "href"));
                skip(reader);
            } else if (ns.isEmpty() && name.equals("image")) {
                imageUrl = firstNonBlank(imageUrl, childText(reader, "url"));
            } else {
                skip(reader);
            }
        }
        if (title == null || title.isBlank()) {
            throw malformed("the channel has no title");
        }
        return new ParsedFeed(title.strip(), blankToNull(link), description, blankToNull(author),
                blankToNull(imageUrl), items, warnings);
    }

    private static ParsedFeed.Item item(XMLStreamReader reader, int number, List<String> warnings)
            throws XMLStreamException {
        String guid = null;
        String title = null;
        String description = null;
        String encoded = null;
        String summary = null;
        String link = null;
        String pubDate = null;
        String enclosureUrl = null;
        String enclosureType = null;
        Long enclosureLength = null;
        String duration = null;
        String chaptersUrl = null;
        List<ParsedFeed.PscChapter> psc = new ArrayList<>();
        List<ParsedFeed.Transcript> transcripts = new ArrayList<>();
        List<ParsedFeed.Soundbite> soundbites = new ArrayList<>();
        while (nextChild(reader)) {
            String ns = namespace(reader);
            String name = reader.getLocalName();
            boolean podcast = ns.equals(PODCAST) || ns.equals(PODCAST_LEGACY);
            if (ns.isEmpty() && name.equals("guid")) {
                guid = text(reader);
            } else if (ns.isEmpty() && name.equals("title")) {
                title = text(reader);
            } else if (ns.isEmpty() && name.equals("description")) {
                description = text(reader);
            } else if (ns.equals(CONTENT) && name.equals("encoded")) {
                encoded = text(reader);
            } else if (ns.equals(ITUNES) && name.equals("summary")) {
                summary = text(reader);
            } else if (ns.isEmpty() && name.equals("link")) {
                link = text(reader);
            } else if (ns.isEmpty() && name.equals("pubDate")) {
                pubDate = text(reader);
            } else if (ns.isEmpty() && name.equals("enclosure")) {
                enclosureUrl = firstNonBlank(enclosureUrl, reader.getAttributeValue(null, "url"));
                enclosureType = firstNonBlank(enclosureType, reader.getAttributeValue(null, "type"));
                enclosureLength = length(reader.getAttributeValue(null, "length"));
                skip(reader);
            } else if (ns.equals(ITUNES) && name.equals("duration")) {
                duration = text(reader);
            } else if (podcast && name.equals("chapters")) {
                chaptersUrl = firstNonBlank(chaptersUrl, reader.getAttributeValue(null, "url"));
                skip(reader);
            } else if (podcast && name.equals("transcript")) {
                add(transcripts, new ParsedFeed.Transcript(reader.getAttributeValue(null, "url"),
                        reader.getAttributeValue(null, "type")));
                skip(reader);
            } else if (podcast && name.equals("soundbite")) {
                String start = reader.getAttributeValue(null, "startTime");
                String length = reader.getAttributeValue(null, "duration");
                add(soundbites, new ParsedFeed.Soundbite(start, length, text(reader)));
            } else if (ns.equals(PSC) && name.equals("chapters")) {
                pscChapters(reader, psc);
            } else {
                skip(reader);
            }
        }
        if (blank(guid) && blank(enclosureUrl)) {
            throw malformed("item " + number + " has neither a guid nor an enclosure");
        }
        Instant publishedAt = date(pubDate);
        if (publishedAt == null && !blank(pubDate)) {
            warn(warnings, "item " + number + ": unreadable pubDate '" + pubDate.strip() + "' ignored");
        }
        String notes = firstNonBlank(firstNonBlank(encoded, description), summary);
        return new ParsedFeed.Item(blank(guid) ? enclosureUrl.strip() : guid.strip(), blankToNull(title), notes,
                blankToNull(link), publishedAt, blankToNull(enclosureUrl), blankToNull(enclosureType),
                enclosureLength, blank(duration) ? null : duration.strip(), blankToNull(chaptersUrl),
                List.copyOf(psc), List.copyOf(transcripts), List.copyOf(soundbites));
    }

    private static void pscChapters(XMLStreamReader reader, List<ParsedFeed.PscChapter> out)
            throws XMLStreamException {
        while (nextChild(reader)) {
            if (reader.getLocalName().equals("chapter")) {
                add(out, new ParsedFeed.PscChapter(reader.getAttributeValue(null, "start"),
                        reader.getAttributeValue(null, "title"), reader.getAttributeValue(null, "href"),
                        reader.getAttributeValue(null, "image")));
            }
            skip(reader);
        }
    }

    /** RFC 822 as feeds write it: RFC 1123 with numeric offset or GMT, or a zone name (EST, PDT); else null. */
    static Instant date(String text) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip().replaceAll("\\s+", " ");
        int lastSpace = value.lastIndexOf(' ');
        if (lastSpace > 0) {
            String offset = RFC822_ZONES.get(value.substring(lastSpace + 1).toUpperCase(Locale.ROOT));
            if (offset != null) {
                value = value.substring(0, lastSpace + 1) + offset;
            }
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException first) {
            try {
                return ZonedDateTime.parse(value, ZONE_NAMES).toInstant();
            } catch (DateTimeParseException second) {
                return null;
            }
        }
    }

    /** Moves to the next child start element of the current element; false at the current element's end. */
    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        throw malformed("the document ends inside an element");
    }

    /** Skips the current element and everything in it, iteratively (no recursion on hostile nesting). */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text of an element; markup inside it (HTML that should have been escaped) is kept as its text only. */
    private static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }

    private static String childText(XMLStreamReader reader, String child) throws XMLStreamException {
        String found = null;
        while (nextChild(reader)) {
            if (reader.getLocalName().equals(child) && found == null) {
                found = text(reader);
            } else {
                skip(reader);
            }
        }
        return found;
    }

    private static Long length(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> void add(List<T> list, T value) {
        if (list.size() < MAX_PARTS_PER_ITEM) {
            list.add(value);
        }
    }

    private static void warn(List<String> warnings, String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        }
    }

    private static String namespace(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String firstNonBlank(String first, String second) {
        return blank(first) ? (blank(second) ? null : second) : first;
    }
}
