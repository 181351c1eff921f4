package news.forum.version;

import io.micronaut.serde.annotation.Serdeable;

/** The server's name and its version, as the CHANGELOG names versions. */
@Serdeable
public record VersionView(String name, String version) {
}
