package news.forum.widget;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

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
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AssetController {

    private record Asset(byte[] content, String type, String etag) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "json", "application/json;charset=utf-8");

    private final Asset script = asset("embed.js");
    private final Map<String, Asset> assets = WebResources.paths().stream()
            .filter(path -> path.contains("/") && TYPES.containsKey(extension(path)))
            .collect(Collectors.toUnmodifiableMap(Function.identity(), AssetController::asset));

    /** The one file a publisher includes. */
    @Get("/embed.js")
    HttpResponse<byte[]> embedScript(HttpRequest<?> request) {
        return serve(script, request);
    }

    @Get("/assets/{+path}")
    HttpResponse<byte[]> asset(@PathVariable String path, HttpRequest<?> request) {
        Asset asset = assets.get(path);
        return asset == null ? HttpResponse.notFound() : serve(asset, request);
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

    private static Asset asset(String path) {
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
