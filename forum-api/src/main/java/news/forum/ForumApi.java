package news.forum;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The API's OpenAPI description; the document is generated from the controllers at compile time. */
@OpenAPIDefinition(info = @Info(title = "Forum API", version = "1",
        description = "A discussion engine with threaded replies for news sites"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class ForumApi {
    private ForumApi() {
    }
}
