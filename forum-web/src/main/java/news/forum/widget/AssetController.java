package news.forum.widget;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** The publisher's script and the files of the widget's page, from a fixed list: nothing else is reachable. */
@Controller
@Hidden
class AssetController implements AssetOperations {

    private record Asset(byte[] content, String type) {
    }

    private static final String JS = "text/javascript;charset=utf-8";
    private static final String CSS = "text/css;charset=utf-8";

    private final Asset script = new Asset(WebResources.bytes("embed.js"), JS);
    private final Map<String, Asset> assets = Map.of(
            "frame.js", new Asset(WebResources.bytes("frame/frame.js"), JS),
            "frame.css", new Asset(WebResources.bytes("frame/frame.css"), CSS),
            "frame-moderator.js", new Asset(WebResources.bytes("frame/frame-moderator.js"), JS),
            "console.js", new Asset(WebResources.bytes("console/console.js"), JS),
            "console.css", new Asset(WebResources.bytes("console/console.css"), CSS),
            "demo.css", new Asset(WebResources.bytes("demo/demo.css"), CSS),
            "messages.en.json", new Asset(WebResources.bytes("messages/en.json"), "application/json;charset=utf-8"));

    @Override
    public HttpResponse<byte[]> embedScript() {
        return serve(script);
    }

    @Override
    public HttpResponse<byte[]> asset(String name) {
        Asset asset = assets.get(name);
        return asset == null ? HttpResponse.notFound() : serve(asset);
    }

    private static HttpResponse<byte[]> serve(Asset asset) {
        return HttpResponse.ok(asset.content())
                .contentType(asset.type())
                .header("Cache-Control", "public, max-age=300");
    }
}
