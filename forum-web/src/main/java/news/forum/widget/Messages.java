package news.forum.widget;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The message catalogue ({@code web/messages/en.json}): every text a reader sees, in the widget and on the demo
 * pages. A translation is one more file of the same keys; the pages list the files there for the scripts'
 * catalogue loader ({@code web/lib/messages.js}), which picks the reader's language among them.
 */
@Singleton
public class Messages {

    private final JsonNode catalogue;
    private final String languages = String.join(" ", WebResources.paths().stream()
            .filter(path -> path.startsWith("messages/") && path.endsWith(".json"))
            .map(path -> path.substring("messages/".length(), path.length() - ".json".length()))
            .toList());

    Messages(JsonMapper json) {
        try {
            this.catalogue = json.readValue(WebResources.bytes("messages/en.json"), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the message catalogue", e);
        }
    }

    /** The languages with a catalogue, as the pages' {@code forum-languages} meta lists them: "en de pt-BR". */
    public String languages() {
        return languages;
    }

    public String get(String key) {
        return get(key, Map.of());
    }

    /** The text for a key, with {@code {name}} placeholders filled in. */
    public String get(String key, Map<String, String> values) {
        JsonNode node = catalogue.get(key);
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException("No message '" + key + "' in the catalogue");
        }
        String text = node.getStringValue();
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    public List<String> list(String key) {
        JsonNode node = catalogue.get(key);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("No list '" + key + "' in the catalogue");
        }
        List<String> texts = new ArrayList<>();
        node.values().forEach(value -> texts.add(value.getStringValue()));
        return texts;
    }
}
