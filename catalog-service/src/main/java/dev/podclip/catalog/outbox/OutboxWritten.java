package dev.podclip.catalog.outbox;

/** Fired when a transaction wrote outbox rows; after commit it nudges the relay so events leave at once. */
public record OutboxWritten(int rows) {
}
