package dev.podclip.support.problem;

/**
 * The problem types both services answer: the HTTP edge's refusals, validation, authentication, limits and the
 * framework's own HTTP errors. docs/problems.md lists them, generated from here ({@code ProblemTypesTest}).
 */
public final class CommonProblems {

    public static final ProblemType VALIDATION = ProblemType.of("validation", "Invalid request",
            "One or more fields or parameters are out of their rules; `errors` lists each as `{field, message}`.",
            400);
    public static final ProblemType UNREADABLE_BODY = ProblemType.of("unreadable-body", "Unreadable request body",
            "The body is not JSON, or a member has the wrong type; the detail names the place (`at slug: expected "
                    + "text`, or the parser's line and column).", 400);
    public static final ProblemType BAD_CHARACTERS = ProblemType.of("bad-characters", "Characters not allowed",
            "The request target or body holds a character refused everywhere (a control character, a NUL, an "
                    + "unpaired surrogate) or a raw non-ASCII character in the target: percent-encode it.", 400);
    public static final ProblemType NOT_A_URI = ProblemType.of("not-a-uri", "Request target is not a URI",
            "The request target has characters a URI cannot hold (space, `|`, `{`, `\"`, `<`, a `%` without two hex "
                    + "digits): percent-encode them.", 400);
    public static final ProblemType URI_TOO_LONG = ProblemType.of("uri-too-long", "URI too long",
            "The request target is longer than the service takes; the detail gives the limit.", 414);
    public static final ProblemType HEADERS_TOO_LARGE = ProblemType.of("headers-too-large",
            "Request headers too large",
            "The request headers take more bytes than the service takes; the detail gives the limit.", 431);
    public static final ProblemType BODY_TOO_LARGE = ProblemType.of("body-too-large", "Body too large",
            "The body is larger than the operation takes; the detail gives the limit.", 413);
    public static final ProblemType UNAUTHORIZED = ProblemType.of("unauthorized", "Unauthorized",
            "The operation needs a valid bearer token (`WWW-Authenticate: Bearer`).", 401);
    public static final ProblemType FORBIDDEN = ProblemType.of("forbidden", "Forbidden",
            "The token is valid but lacks the role the operation needs.", 403);
    public static final ProblemType NOT_FOUND = ProblemType.of("not-found", "Not found",
            "Nothing is known by that name or path; the detail says what was looked for.", 404);
    public static final ProblemType TOO_MANY_REQUESTS = ProblemType.of("too-many-requests", "Too many requests",
            "This client used up its limit for the route; come back after `Retry-After` seconds "
                    + "(`retryAfterSeconds`).", 429);
    public static final ProblemType ANSWER_TOO_LARGE = ProblemType.of("answer-too-large", "Answer too large",
            "The answer would take more memory to build than one answer may; ask for less (a page, a chapter).",
            422);
    public static final ProblemType BUSY = ProblemType.of("busy", "Busy",
            "Too many large answers are being built at once; retry after `Retry-After` seconds.", 503);
    public static final ProblemType DATABASE_UNAVAILABLE = ProblemType.of("database-unavailable",
            "Database unavailable", "The database cannot be reached or is overloaded; retry after `Retry-After` "
                    + "seconds. Readiness is down meanwhile.", 503);
    public static final ProblemType INTERNAL = ProblemType.of("internal", "Internal error",
            "A bug: the service logged the `incident` id the body carries; quote it when reporting.", 500);

    // Uploaded text both services read with the chapter engine (transcripts, chapter previews).
    public static final ProblemType UNREADABLE_TRANSCRIPT = ProblemType.of("unreadable-transcript",
            "Unreadable transcript", "The transcript is not in the format it claims; `line` gives the first bad "
                    + "line where one applies.", 400);
    public static final ProblemType UNREADABLE_ENCODING = ProblemType.of("unreadable-encoding",
            "Unreadable text encoding", "The text is neither UTF-8 nor UTF-16 with a byte order mark.", 400);

    // The HTTP framework's own refusals, before any resource method runs.
    public static final ProblemType BAD_REQUEST = ProblemType.of("bad-request", "Bad request",
            "The server could not read the request at all.", 400);
    public static final ProblemType METHOD_NOT_ALLOWED = ProblemType.of("method-not-allowed", "Method not allowed",
            "The path exists, but not with this method; `Allow` lists the methods it answers.", 405);
    public static final ProblemType NOT_ACCEPTABLE = ProblemType.of("not-acceptable", "Not acceptable",
            "The operation cannot answer any media type `Accept` names.", 406);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = ProblemType.of("unsupported-media-type",
            "Unsupported media type", "The operation does not take a body of this `Content-Type`.", 415);
    /** Any other error status the framework answers; the detail carries its reason. */
    public static final ProblemType HTTP_ERROR = ProblemType.anyStatus("http-error", "HTTP error",
            "Any other error status the HTTP layer answers before the service's code runs; the detail gives the "
                    + "reason.");

    private CommonProblems() {
    }

    /** The type of an error status the HTTP layer chose, for a request no resource answered itself. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            default -> HTTP_ERROR;
        };
    }
}
