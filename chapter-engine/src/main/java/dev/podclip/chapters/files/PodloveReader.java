package dev.podclip.chapters.files;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;
import dev.podclip.chapters.time.Durations;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Podlove Simple Chapters: {@code <psc:chapters><psc:chapter start="00:01:02.500" title href image/></psc:chapters>},
 * alone or inside a feed item, with the {@code psc} prefix, another prefix or none (elements are matched by local
 * name, so an undeclared prefix in a pasted snippet still reads). {@code start} is Normal Play Time. DOCTYPEs are
 * refused and no external entity, DTD or schema is ever fetched (XXE).
 */
final class PodloveReader {

    /** A feed item's chapters sit about five levels deep; far deeper documents are attacks on the DOM builder. */
    static final int MAX_ELEMENT_DEPTH = 64;
    private static final String MAX_ELEMENT_DEPTH_PROPERTY =
            "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private PodloveReader() {
    }

    static ChapterMarks read(byte[] bytes) {
        FileText.check(bytes);
        Document document = parse(bytes);
        List<Element> lists = elementsNamed(document, "chapters");
        if (lists.isEmpty()) {
            throw new ChapterEngineException(ErrorCode.UNREADABLE_XML,
                    "no Podlove Simple Chapters (<psc:chapters>) in this XML", 0);
        }
        List<PodloveChapter> entries = new ArrayList<>();
        for (Node child = lists.get(0).getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "chapter".equals(localName(element))) {
                entries.add(new PodloveChapter(attribute(element, "start"), attribute(element, "title"),
                        attribute(element, "href"), attribute(element, "image")));
            }
        }
        ReaderWarnings warnings = new ReaderWarnings();
        List<Chapter> marks = marks(entries, warnings);
        if (lists.size() > 1) {
            warnings.add(Warning.of(WarningCode.ENTRY_SKIPPED,
                    lists.size() + " <psc:chapters> lists; only the first was read"));
        }
        return new ChapterMarks(marks, warnings.list(), null);
    }

    /** Chapters already read from their XML by the caller: the same rules, without a document. */
    static ChapterMarks read(List<PodloveChapter> entries) {
        ReaderWarnings warnings = new ReaderWarnings();
        List<Chapter> marks = marks(entries, warnings);
        return new ChapterMarks(marks, warnings.list(), null);
    }

    private static List<Chapter> marks(List<PodloveChapter> entries, ReaderWarnings warnings) {
        List<Chapter> marks = new ArrayList<>();
        int number = 0;
        for (PodloveChapter entry : entries) {
            number++;
            Chapter mark = chapter(number, entry, warnings);
            if (mark != null) {
                marks.add(mark);
            }
        }
        return marks;
    }

    private static Chapter chapter(int number, PodloveChapter entry, ReaderWarnings warnings) {
        String start = entry.start() == null ? "" : entry.start();
        OptionalLong startMs = Durations.parseNpt(start);
        if (startMs.isEmpty()) {
            warnings.add(Warning.of(WarningCode.ENTRY_SKIPPED, "chapter " + number + ": start \"" + start
                    + "\" is no Normal Play Time; skipped"));
            return null;
        }
        return new Chapter(startMs.getAsLong(), null, entry.title() == null ? "" : entry.title(),
                WebLinks.keep(present(entry.href())), WebLinks.keep(present(entry.image())), true);
    }

    /** The attribute's value, or null when the element has none (the DOM answers "" for both). */
    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /** A link attribute stripped; blank counts as absent. */
    private static String present(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Elements with this local name in document order, walked without recursion (the DOM's own lists are slow). */
    private static List<Element> elementsNamed(Document document, String local) {
        List<Element> found = new ArrayList<>();
        Node node = document.getDocumentElement();
        while (node != null) {
            if (node instanceof Element element && local.equals(localName(element))) {
                found.add(element);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node.getNextSibling() == null) {
                node = node.getParentNode();
            }
            node = node == null ? null : node.getNextSibling();
        }
        return found;
    }

    /** The name after any prefix; the parser is not namespace aware so undeclared prefixes do no harm. */
    private static String localName(Element element) {
        String name = element.getTagName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static Document parse(byte[] bytes) {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read: " + systemId);
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException bad) {
            int line = Math.max(0, bad.getLineNumber());
            throw new ChapterEngineException(ErrorCode.UNREADABLE_XML,
                    "line " + line + ": unreadable XML: " + bad.getMessage(), line);
        } catch (SAXException | IOException bad) {
            throw new ChapterEngineException(ErrorCode.UNREADABLE_XML, "not readable XML: " + bad.getMessage(), 0);
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", impossible);
        }
    }

    /** XXE closed: no DOCTYPE at all, no external entities, DTDs, schemas or XIncludes. */
    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // warnings do not stop a well-formed document
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
