package dev.podclip.clip.media;

import java.util.List;

/**
 * What ffmpeg may do with a fetched file. A file the guarded fetcher brought in is still the remote's choice of bytes:
 * an HLS playlist or a concat script would make ffmpeg open URLs of its own, past every rule the fetcher enforces.
 * So inputs are read from local files only, by audio and video container demuxers (or one image demuxer) only.
 */
final class SourceInputs {

    /** Before an episode's audio: containers podcasts are published in; no playlists, no scripts, no network. */
    static final List<String> AUDIO_INPUT_OPTIONS = List.of("-protocol_whitelist", "file",
            "-format_whitelist", "mp3,mov,mp4,m4a,wav,ogg,flac,aac,matroska,webm");

    /** Before an artwork image, whose demuxer is named by the caller: local files only. */
    static final List<String> IMAGE_INPUT_OPTIONS = List.of("-protocol_whitelist", "file");

    private SourceInputs() {
    }
}
