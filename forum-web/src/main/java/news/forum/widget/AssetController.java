package news.forum.widget;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import news.forum.http.CurrentRequest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The publisher's script, and the files of the widget's and the console's pages: {@code /assets/frame/frame.js} is
 * {@code web/frame/frame.js}. The list is fixed at start from the scripts, styles and catalogues under {@code web/}'s
 * folders; nothing else is reachable. The ES modules import each other by relative paths, so the tree of URLs is the
 * tree of files. Each file has a strong ETag for revalidation once its five minutes of caching are over.
 */
@Controller
@Hidden
class AssetController implements AssetOperations {

    private record Asset(byte[] content, String type, String etag) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "json", "application/json;charset=utf-8");

    private final Asset script = load("embed.js");
    private final Map<String, Asset> assets = WebResources.paths().stream()
            .filter(path -> path.contains("/") && TYPES.containsKey(extension(path)))
            .collect(Collectors.toUnmodifiableMap(Function.identity(), AssetController::load));
    private final CurrentRequest current;

    AssetController(CurrentRequest current) {
        this.current = current;
    }

    @Override
    public HttpResponse<byte[]> embedScript() {
        return serve(script, current.request());
    }

    @Override
    public HttpResponse<byte[]> asset(String path) {
        Asset asset = assets.get(path);
        return asset == null ? HttpResponse.notFound() : serve(asset, current.request());
    }

    private static HttpResponse<byte[]> serve(Asset asset, HttpRequest<?> request) {
        MutableHttpResponse<byte[]> response = unchanged(request, asset.etag())
                ? HttpResponse.notModified()
                : HttpResponse.ok(asset.content()).contentType(asset.type());
        return response.header(HttpHeaders.ETAG, asset.etag()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    /** If-None-Match names this version (or any, {@code *}); weak comparison, as RFC 9110 asks for it. */
    private static boolean unchanged(HttpRequest<?> request, String etag) {
        return request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    private static Asset load(String path) {
        byte[] content = WebResources.bytes(path);
        return new Asset(content, TYPES.get(extension(path)), "\"" + HexFormat.of().formatHex(sha256(content), 0, 16) + "\"");
    }

    private static String extension(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
