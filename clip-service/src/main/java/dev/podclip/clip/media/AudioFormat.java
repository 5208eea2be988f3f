package dev.podclip.clip.media;

import java.util.List;
import java.util.Optional;

/**
 * The audio files a clip is served as, with the ffmpeg encoder arguments of each. MP3 is VBR (quality 4, ~165 kbit/s
 * at 44.1 kHz) because a fixed bitrate is refused at the low sample rates some sources have; its Xing header carries
 * the encoder delay, so decoders trim it and the cut stays exact. AAC is resampled to 44.1 kHz: its frames are 1,024
 * samples, and at a source's 8 kHz the padding of the last frame alone made a clip 66 ms long (ClipAudioTest).
 */
public enum AudioFormat {

    MP3("mp3", "audio/mpeg", List.of("-c:a", "libmp3lame", "-q:a", "4", "-id3v2_version", "3", "-f", "mp3")),
    M4A("m4a", "audio/mp4", List.of("-c:a", "aac", "-b:a", "128k", "-ar", "44100", "-movflags", "+faststart",
            "-f", "ipod"));

    private final String extension;
    private final String mediaType;
    private final List<String> encoderArgs;

    AudioFormat(String extension, String mediaType, List<String> encoderArgs) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.encoderArgs = encoderArgs;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    List<String> encoderArgs() {
        return encoderArgs;
    }

    public static Optional<AudioFormat> ofExtension(String extension) {
        for (AudioFormat format : values()) {
            if (format.extension.equalsIgnoreCase(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
