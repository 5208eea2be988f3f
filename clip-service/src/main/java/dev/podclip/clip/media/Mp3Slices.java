package dev.podclip.clip.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * A fetched slice of a CBR MP3 made into a WAV of exactly the samples the whole file's decode has there: its first
 * frame found ({@link Mp3Layout#locate}), then decoded from it by ffmpeg with the pre-roll dropped (Mp3SliceCutTest).
 */
final class Mp3Slices {

    private Mp3Slices() {
    }

    /**
     * Decodes {@code part}, the bytes of {@code slice}, to {@code wav}; false when its first frame is not where the
     * layout puts it or ffmpeg cannot decode it, for the caller to take the whole file.
     *
     * @throws IOException when ffmpeg cannot be started
     */
    static boolean decode(Mp3Layout layout, Mp3Layout.Slice slice, Path part, Path wav, String ffmpeg,
                          long timeoutMs, List<String> launcher) throws IOException, InterruptedException {
        byte[] window;
        try (InputStream in = Files.newInputStream(part)) {
            window = in.readNBytes(Mp3Layout.LOCATE_BYTES);
        }
        OptionalInt first = layout.locate(window, slice);
        if (first.isEmpty()) {
            return false;
        }
        Ffmpeg.Result result = Ffmpeg.run(ffmpeg, Mp3Layout.decodeArgs(part, first.getAsInt(), slice, wav),
                timeoutMs, null, launcher);
        // A decode that stopped early (a damaged frame) is shorter than the samples it stands for: not the same cut.
        long samplesBytes = (slice.keepTo() - slice.keepFrom()) * layout.channels() * Float.BYTES;
        return result.ok() && Files.isRegularFile(wav) && Files.size(wav) >= samplesBytes;
    }
}
