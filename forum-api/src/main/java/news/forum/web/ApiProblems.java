package news.forum.web;

/**
 * The names of the problem responses in the OpenAPI document (src/main/openapi/components/problems.yml), for the
 * {@code @ApiResponse(ref = ...)} of each operation: every 4xx the API sends is one of them.
 */
public final class ApiProblems {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNPROCESSABLE_CONTENT = "UnprocessableContent";
    public static final String LOCKED = "Locked";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";

    private ApiProblems() {
    }
}
