package news.forum.sso;

import news.forum.support.WholeDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import news.forum.support.SsoTokenSigner;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;

/** The same contract with an ES256 publisher (a P-256 key). */
@WholeDatabase
class SsoEcKeyTest extends SsoPublicKeyTest {

    @Override
    KeyPair generate() {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            return ec.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    SsoTokenSigner publisher() {
        try {
            return new SsoTokenSigner(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) keys.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    SsoTokenSigner anotherKeyOfTheSameKind() {
        try {
            return new SsoTokenSigner(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) generate().getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** ES384 over the P-256 key (Nimbus refuses to sign that, so it is done by hand: SHA-384, JOSE's r||s form). */
    @Override
    String rightKeyOtherFamilyMember(JWTClaimsSet claims) {
        try {
            JWSHeader header = new JWSHeader(JWSAlgorithm.ES384);
            String input = header.toBase64URL() + "." + Base64URL.encode(claims.toString());
            Signature ecdsa = Signature.getInstance("SHA384withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(input.getBytes(StandardCharsets.US_ASCII));
            byte[] signature = ECDSA.transcodeSignatureToConcat(ecdsa.sign(), 64);
            return input + "." + Base64URL.encode(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    SsoTokenSigner otherAlgorithm() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return new SsoTokenSigner(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) rsa.generateKeyPair().getPrivate()));
    }
}
