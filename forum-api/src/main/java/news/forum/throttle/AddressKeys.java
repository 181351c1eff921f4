package news.forum.throttle;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import news.forum.web.ClientAddresses;
import news.forum.web.SiteSecretTransfer;
import news.forum.web.SiteSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * A keyed hash of the address a request came from, counted as budgets count it (IPv4 whole, IPv6 by its /64): for
 * telling that two actions came from one network address without keeping the address. HMAC-SHA-256 under a site
 * secret kept in the database (every instance gives the same key to the same address), cut to 16 bytes.
 */
@Singleton
public class AddressKeys {

    private final ClientAddresses clientAddresses;
    private final SiteSecrets secrets;
    private volatile SecretKeySpec key;

    AddressKeys(ClientAddresses clientAddresses, SiteSecrets secrets) {
        this.clientAddresses = clientAddresses;
        this.secrets = secrets;
    }

    public byte[] of(HttpRequest<?> request) {
        String subject = TokenBuckets.subject(clientAddresses.of(request));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return Arrays.copyOf(mac.doFinal(subject.getBytes(StandardCharsets.US_ASCII)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = new SecretKeySpec(secrets.getOrCreate(SiteSecretTransfer.ADDRESS_KEY)
                    .getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
            key = current;
        }
        return current;
    }
}
