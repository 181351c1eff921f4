package news.forum.sso;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
import news.forum.support.Response;
import news.forum.support.SsoTokenSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java example of signing a token is a publisher's first code: taken from README.md as it stands,
 * compiled with the JDK's compiler alone (no JWT library on its class path), run with the test publisher's secret,
 * issuer and audience, and its token signs the reader in through POST /auth/sso, once.
 */
@WholeDatabase
class ReadmeSigningExampleTest extends ApiTestBase {

    private static final Pattern JAVA_BLOCK = Pattern.compile("Signing a token in Java.*?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public (?:final )?class (\\w+)");

    @TempDir
    Path classes;

    @Test
    void theReadmesJavaExampleSignsATokenTheForumTakes() throws Exception {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(readme()));
        assertThat(block.find()).as("README.md has the Java example after 'Signing a token in Java'").isTrue();
        String source = block.group(1);
        Matcher className = CLASS_NAME.matcher(source);
        assertThat(className.find()).as("the example is a class").isTrue();
        Method sign = compile(className.group(1), source).getMethod("sign",
                String.class, String.class, String.class, String.class, String.class, String.class);

        String subject = "readme-" + UUID.randomUUID();
        String wished = Api.uniqueName("zoe");
        // a name JSON must escape: quotes, a backslash, letters beyond ASCII
        String name = "Zoë \"Z\" O'Neil \\ Ünal";
        String token = (String) sign.invoke(null, SsoTokenSigner.SECRET, SsoTokenSigner.ISSUER, SsoTokenSigner.AUDIENCE,
                subject, wished, name);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).contains("\"alg\":\"HS256\"");

        Response signedIn = api.call(c -> c.signIn(null)).body(Map.of("token", token)).send();
        signedIn.expectStatus(200);
        assertThat(signedIn.<Map<String, Object>>path("account")).containsEntry("username", wished)
                .containsEntry("displayName", name).containsEntry("role", "USER").containsEntry("signIn", "sso");
        assertThat((String) api.send((String) signedIn.path("access_token"), c -> c.me()).path("username")).isEqualTo(wished);

        // its jti makes it single use, as the contract asks
        String before = db.snapshot();
        assertProblem(api.call(c -> c.signIn(null)).body(Map.of("token", token)).send(), 401);
        assertThat(db.snapshot()).isEqualTo(before);

        // the next token of the same reader finds the same account
        String again = (String) sign.invoke(null, SsoTokenSigner.SECRET, SsoTokenSigner.ISSUER, SsoTokenSigner.AUDIENCE,
                subject, Api.uniqueName("other"), name);
        Response second = api.call(c -> c.signIn(null)).body(Map.of("token", again)).send();
        second.expectStatus(200);
        assertThat((String) second.path("account.id")).isEqualTo(signedIn.path("account.id"));
    }

    /** The example compiled on its own: the JDK's class library is all it may use. */
    private Class<?> compile(String className, String source) throws IOException, ClassNotFoundException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler").isNotNull();
        Path file = classes.resolve(className + ".java");
        Files.writeString(file, source);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "--release", "17", "-proc:none", "-cp", classes.toString(),
                "-d", classes.toString(), file.toString());
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        URLClassLoader loader = new URLClassLoader(new java.net.URL[]{classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        return loader.loadClass(className);
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("forum-api"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
