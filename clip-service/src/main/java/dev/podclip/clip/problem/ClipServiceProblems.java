package dev.podclip.clip.problem;

import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.support.net.FetchRefused.Reason;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemType;

import java.util.EnumSet;

/**
 * The problem types only clip-service answers (both services': {@code CommonProblems}). docs/problems.md lists
 * them, generated from here ({@code ProblemTypesTest}). A package of its own, which every feature may import, so no
 * feature imports another for its problems.
 */
public final class ClipServiceProblems {

    // Episodes, clips, transcripts
    public static final ProblemType INVALID_CLIP = ProblemType.of("invalid-clip", "Invalid clip",
            "The clip's range or title breaks a rule; `reason` names which (docs/clips.md lists them).", 400);
    public static final ProblemType EPISODE_DELETED = ProblemType.of("episode-deleted", "Episode deleted",
            "The catalog deleted the episode: its chapters and clips are gone for good.", 410);
    public static final ProblemType NO_TRANSCRIPT = ProblemType.of("no-transcript", "No transcript",
            "The episode has no transcript, or none that could be read.", 404);
    public static final ProblemType TOO_MANY_STREAMS = ProblemType.of("too-many-streams", "Too many change streams",
            "429: this client holds its limit of change streams, close one; 503: this instance serves its limit, "
                    + "retry after `Retry-After` seconds or on another instance.", 429, 503);
    public static final ProblemType REBUILD_RUNNING = ProblemType.of("rebuild-running", "Rebuild running",
            "A rebuild of the read model is running already; `running` is its id, follow its status.", 409);

    // Share pages and oEmbed
    public static final ProblemType UNSUPPORTED_FORMAT = ProblemType.of("unsupported-format", "Format not supported",
            "oEmbed is answered as JSON only.", 501);
    public static final ProblemType NO_PLAYABLE_MEDIA = ProblemType.of("no-playable-media", "No playable media",
            "The episode has no http(s) audio to play or to cut a clip from.", 404);

    // Clip media
    public static final ProblemType CLIP_TOO_LONG_FOR_VIDEO = ProblemType.of("clip-too-long-for-video",
            "Clip too long for a video", "A clip's video has a shorter limit than its audio; the detail gives it.",
            422);
    public static final ProblemType RANGE_NOT_SATISFIABLE = ProblemType.of("range-not-satisfiable",
            "Range not satisfiable", "The `Range` asked for lies outside the file (`sizeBytes`).", 416);
    public static final ProblemType RENDERS_BUSY = ProblemType.of("renders-busy", "Renders busy",
            "The render queue is full; retry after `Retry-After` seconds.", 503);
    public static final ProblemType RENDERER_UNAVAILABLE = ProblemType.of("renderer-unavailable",
            "Renderer unavailable", "This instance cannot make clip media (ffmpeg is missing).", 503);
    public static final ProblemType RENDER_FAILED = ProblemType.of("render-failed", "Render failed",
            "ffmpeg could not make the clip from the episode's audio.", 502);
    public static final ProblemType RENDER_TIMEOUT = ProblemType.of("render-timeout", "Render timed out",
            "Making the clip took longer than its wall-time limit.", 502);
    public static final ProblemType RENDER_TOO_LARGE = ProblemType.of("render-too-large", "Render too large",
            "The clip's file came out empty or larger than its limit.", 502);
    public static final ProblemType SOURCE_UNDECODABLE = ProblemType.of("source-undecodable",
            "Undecodable source audio", "The episode's audio could not be decoded; the detail gives ffmpeg's reason.",
            502);
    /** The episode's audio that cannot be fetched; never a feed. */
    public static final FetchRefused.Family SOURCE_FETCH = FetchRefused.Family.of("source", "Unusable source audio",
            EnumSet.complementOf(EnumSet.of(Reason.MALFORMED_FEED)));

    // Chapter previews: the engine's refusals of its input
    public static final ProblemType INPUT_TOO_LARGE = ProblemType.of("input-too-large", "Input too large",
            "The notes or chapters given to the engine are longer than it reads.", 400);
    public static final ProblemType UNREADABLE_JSON = ProblemType.of("unreadable-json", "Unreadable JSON",
            "`chaptersJson` is not a Podcasting 2.0 chapters document.", 400);
    public static final ProblemType UNREADABLE_XML = ProblemType.of("unreadable-xml", "Unreadable XML",
            "The chapters given as XML do not parse.", 400);
    public static final ProblemType UNKNOWN_FORMAT = ProblemType.of("unknown-format", "Unknown format",
            "The engine does not know the format of the chapters or transcript given to it.", 400);
    public static final ProblemType TOO_MANY_CUES = ProblemType.of("too-many-cues", "Too many cues",
            "The transcript has more cues than the engine reads.", 400);

    private ClipServiceProblems() {
    }

    /** The type of the engine's refusal of an input. */
    public static ProblemType of(ErrorCode code) {
        return switch (code) {
            case INPUT_TOO_LARGE -> INPUT_TOO_LARGE;
            case UNREADABLE_JSON -> UNREADABLE_JSON;
            case UNREADABLE_XML -> UNREADABLE_XML;
            case UNREADABLE_TRANSCRIPT -> CommonProblems.UNREADABLE_TRANSCRIPT;
            case UNKNOWN_FORMAT -> UNKNOWN_FORMAT;
            case UNREADABLE_ENCODING -> CommonProblems.UNREADABLE_ENCODING;
            case TOO_MANY_CUES -> TOO_MANY_CUES;
        };
    }
}
