package news.forum.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void writesNestedFiguresWithEscapedStrings() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rps", 1234.5678);
        figures.put("met", true);
        figures.put("starts", List.of(1.0, 2.5));
        figures.put("what", "a \"quoted\"\nline");
        figures.put("none", null);

        String json = Json.write(Map.of("mixed", figures));

        assertThat(json).isEqualTo("""
                {
                  "mixed": {
                    "rps": 1235,
                    "met": true,
                    "starts": [1, 2.5],
                    "what": "a \\"quoted\\"\\nline",
                    "none": null
                  }
                }
                """);
    }

    @Test
    void readsTheFirstValueOfAField() {
        String body = "{\"access_token\":\"a\\\"b\",\"depth\":3,\"next\":null}";

        assertThat(Json.field(body, "access_token")).isEqualTo("a\\\"b");
        assertThat(Json.field(body, "depth")).isEqualTo("3");
        assertThat(Json.field(body, "next")).isEqualTo("null");
        assertThat(Json.field(body, "missing")).isNull();
        assertThat(Json.count("[{\"bodyHtml\":1},{\"bodyHtml\":2}]", "bodyHtml")).isEqualTo(2);
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        double[] values = {40, 10, 30, 20};

        assertThat(Suite.percentile(values, 50)).isEqualTo(25);
        assertThat(Suite.percentile(values, 100)).isEqualTo(40);
        assertThat(Suite.percentile(new double[0], 50)).isZero();
    }
}
