package dev.podclip.clip.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An audio-only MP4's index found through ranged reads, and a clip's sparse copy of the file made from it: the index
 * and the clip's samples at their own offsets, holes elsewhere (M4aSliceCutTest). The reads are the caller's (the
 * guarded fetcher in the service, a local file in the test), so both go through this same code.
 */
final class Mp4Slices {

    private Mp4Slices() {
    }

    /** Reads bytes {@code first..last} of the source; null when they could not be had exactly. */
    @FunctionalInterface
    interface Reader {
        byte[] read(long first, long last) throws IOException;
    }

    /** Copies bytes {@code first..last} of the source into {@code out} at its position; false when not had. */
    @FunctionalInterface
    interface Copier {
        boolean copy(long first, long last, FileChannel out) throws IOException;
    }

    /** Bytes of the file read to find the index, at their offset. */
    record Piece(long offset, byte[] bytes) {
    }

    /** An MP4's sample index and the file's bytes read to find it (its boxes' headers, the moov box). */
    record Index(Mp4Layout layout, List<Piece> pieces) {
        long weightBytes() {
            return layout.weightBytes() + pieces.stream().mapToLong(p -> p.bytes().length).sum();
        }
    }

    /**
     * The index of the MP4 whose first bytes are {@code head}: its top-level boxes walked (a box header read for each
     * one past the head: an index after the samples is past the whole mdat), then the moov box read whole; empty when
     * it is not found within {@link Mp4Layout#MAX_TOP_BOXES} boxes, is larger than {@link Mp4Layout#MAX_MOOV_BYTES},
     * or is not an audio-only index to trust.
     */
    static Optional<Index> index(byte[] head, long fileBytes, Reader reader) throws IOException {
        List<Piece> pieces = new ArrayList<>(List.of(new Piece(0, head)));
        List<Mp4Layout.Box> boxes = new ArrayList<>(Mp4Layout.topBoxes(head, 0, fileBytes));
        while (!boxes.isEmpty() && moov(boxes).isEmpty() && boxes.size() < Mp4Layout.MAX_TOP_BOXES) {
            long next = boxes.get(boxes.size() - 1).end();
            byte[] header = next + 8 > fileBytes ? null
                    : reader.read(next, Math.min(fileBytes, next + Mp4Layout.BOX_HEADER_BYTES) - 1);
            List<Mp4Layout.Box> more = header == null ? List.of() : Mp4Layout.topBoxes(header, next, fileBytes);
            if (more.isEmpty()) {
                return Optional.empty();
            }
            pieces.add(new Piece(next, header));
            boxes.add(more.get(0));
        }
        Optional<Mp4Layout.Box> moov = moov(boxes).filter(b -> b.bytes() <= Mp4Layout.MAX_MOOV_BYTES);
        if (moov.isEmpty()) {
            return Optional.empty();
        }
        Mp4Layout.Box box = moov.get();
        boolean inHead = box.end() <= head.length;
        byte[] index = inHead ? Arrays.copyOfRange(head, (int) box.offset(), (int) box.end())
                : reader.read(box.offset(), box.end() - 1);
        if (index == null) {
            return Optional.empty();
        }
        if (!inHead) {
            pieces.add(new Piece(box.offset(), index));
        }
        return Mp4Layout.parse(index, fileBytes).map(layout -> new Index(layout, List.copyOf(pieces)));
    }

    private static Optional<Mp4Layout.Box> moov(List<Mp4Layout.Box> boxes) {
        return boxes.stream().filter(b -> b.type().equals("moov")).findFirst();
    }

    /**
     * Writes {@code sparse}: a new file of {@code fileBytes} with the index's pieces and {@code ranges} copied in at
     * their offsets, holes elsewhere; false when a range could not be had.
     */
    static boolean write(Path sparse, long fileBytes, Index index, List<Mp4Layout.Range> ranges, Copier copier)
            throws IOException {
        try (FileChannel out = FileChannel.open(sparse, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            // The last byte first, so the file has the source's size; the pieces and ranges may overwrite it.
            out.write(ByteBuffer.allocate(1), fileBytes - 1);
            for (Piece piece : index.pieces()) {
                out.write(ByteBuffer.wrap(piece.bytes()), piece.offset());
            }
            for (Mp4Layout.Range range : ranges) {
                if (!copier.copy(range.first(), range.last(), out.position(range.first()))) {
                    return false;
                }
                assert out.position() == range.last() + 1 : "a copier writes exactly its range";
            }
            return true;
        }
    }
}
