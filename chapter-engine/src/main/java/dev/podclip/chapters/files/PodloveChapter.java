package dev.podclip.chapters.files;

/**
 * One {@code psc:chapter} as its attributes read, entities already unescaped; null for an attribute that is absent.
 * What a caller that parsed the XML itself (a feed reader) hands over, so the chapters are not written back to XML
 * only to be parsed again.
 */
public record PodloveChapter(String start, String title, String href, String image) {
}
