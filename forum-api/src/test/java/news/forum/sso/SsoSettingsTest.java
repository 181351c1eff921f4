package news.forum.sso;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What stops the start (the settings are a context bean): each mistake with its reason. */
class SsoSettingsTest {

    private static SsoSettings settings(String secret, String publicKey, String issuer) {
        return new SsoSettings(secret, publicKey, issuer, "https://forum.example", null, Duration.ofSeconds(60), true, null);
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aSecretShorterThan256BitsStopsTheStart() {
        assertThatThrownBy(() -> settings("only-31-bytes-long-secret-12345", null, "https://p.example"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("FORUM_SSO_SECRET is too short");
        assertThat(settings("exactly-32-bytes-long-secret-123", null, "https://p.example").enabled()).isTrue();
    }

    @Test
    void aKeyWithoutAnIssuerOrBothKindsOfKeyStopTheStart() throws Exception {
        assertThatThrownBy(() -> settings("a-long-enough-secret-of-32-bytes-or-more", null, " "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("FORUM_SSO_ISSUER must be set");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String key = pem(rsa.generateKeyPair().getPublic().getEncoded());
        assertThatThrownBy(() -> settings("a-long-enough-secret-of-32-bytes-or-more", key, "https://p.example"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not both");
    }

    @Test
    void publicKeysMustBePemRsaOf2048BitsOrP256() throws Exception {
        assertThatThrownBy(() -> settings(null, "not a key", "https://p.example"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must be a PEM public key");
        assertThatThrownBy(() -> settings(null, "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----", "https://p.example"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Base64");
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        String smallKey = pem(small.generateKeyPair().getPublic().getEncoded());
        assertThatThrownBy(() -> settings(null, smallKey, "https://p.example"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 2048 bits");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        String p384 = pem(ec.generateKeyPair().getPublic().getEncoded());
        assertThatThrownBy(() -> settings(null, p384, "https://p.example"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("P-256");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        // an environment variable holding the PEM with its line breaks written as \n
        String p256 = pem(ec.generateKeyPair().getPublic().getEncoded()).replace("\n", "\\n");
        assertThat(settings(null, p256, "https://p.example").algorithm().getName()).isEqualTo("ES256");
    }

    @Test
    void withoutAKeySingleSignOnIsOff() {
        assertThat(settings("", "", "").enabled()).isFalse();
        assertThat(settings(null, null, null).enabled()).isFalse();
        assertThat(new SsoSettings(null, null, null, null, null, Duration.ofSeconds(60), true, "false").enabled()).isFalse();
    }

    @Test
    void theDemoMakesASecretOfItsOwnUnlessOneIsConfigured() {
        SsoSettings demo = new SsoSettings(null, null, null, null, null, Duration.ofSeconds(60), true, "true");
        assertThat(demo.enabled()).isTrue();
        assertThat(demo.issuer()).isEqualTo(SsoSettings.DEMO_ISSUER);
        assertThat(demo.audience()).isEqualTo(SsoSettings.DEMO_AUDIENCE);
        assertThat(new SsoSettings(null, null, null, null, "https://forum.example", Duration.ofSeconds(60), true, "true")
                .audience()).isEqualTo("https://forum.example");
        assertThat(demo.sharedSecret().orElseThrow()).hasSizeGreaterThanOrEqualTo(SsoSettings.MINIMUM_SECRET_BYTES);
        assertThat(new SsoSettings(null, null, null, null, null, Duration.ofSeconds(60), true, "true").sharedSecret().orElseThrow())
                .isNotEqualTo(demo.sharedSecret().orElseThrow());
        SsoSettings configured = new SsoSettings("exactly-32-bytes-long-secret-123", null, "https://p.example", null,
                "https://comments.p.example", Duration.ofSeconds(60), true, "true");
        assertThat(configured.issuer()).isEqualTo("https://p.example");
        assertThat(configured.audience()).isEqualTo("https://comments.p.example");
        assertThat(new String(configured.sharedSecret().orElseThrow())).isEqualTo("exactly-32-bytes-long-secret-123");
    }

    @Test
    void theAudienceIsConfiguredOrThePublicOriginAndNeverGuessed() {
        String secret = "exactly-32-bytes-long-secret-123";
        assertThatThrownBy(() -> new SsoSettings(secret, null, "https://p.example", " ", "", Duration.ofSeconds(60), true, null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("FORUM_SSO_AUDIENCE")
                .hasMessageContaining("FORUM_PUBLIC_ORIGIN");
        assertThat(new SsoSettings(secret, null, "https://p.example", null, "https://Comments.News.example:443/",
                Duration.ofSeconds(60), true, null).audience()).isEqualTo("https://comments.news.example");
        assertThat(new SsoSettings(secret, null, "https://p.example", "forum-42", "https://comments.news.example",
                Duration.ofSeconds(60), true, null).audience()).isEqualTo("forum-42");
    }
}
