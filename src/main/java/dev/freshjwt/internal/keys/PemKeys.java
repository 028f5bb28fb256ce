package dev.freshjwt.internal.keys;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a PKCS#8 private key (and, for EC, the SPKI public key beside it) from PEM text. */
final class PemKeys {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {
    }

    static KeyPair read(String pem) {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new InvalidConfigurationException(
                        FreshJwtConfig.SIGN_KEY_LOCATION + " holds a '" + block.group(1) + "' (PKCS#1/SEC1) block:"
                                + " convert it to PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt'");
                default -> { } // certificates and other blocks are not ours to read
            }
        }
        if (privateDer == null) {
            throw new InvalidConfigurationException(FreshJwtConfig.SIGN_KEY_LOCATION
                    + " holds no '-----BEGIN PRIVATE KEY-----' block (PKCS#8 PEM), JWK or JWKS");
        }
        try {
            PrivateKey privateKey = privateKey(privateDer);
            return new KeyPair(publicKey(privateKey, publicDer), privateKey);
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(
                    "The key of " + FreshJwtConfig.SIGN_KEY_LOCATION + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }

    private static PublicKey publicKey(PrivateKey privateKey, byte[] publicDer) throws GeneralSecurityException {
        if (publicDer != null) {
            return KeyFactory.getInstance(privateKey.getAlgorithm()).generatePublic(new X509EncodedKeySpec(publicDer));
        }
        if (privateKey instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        throw new InvalidConfigurationException(FreshJwtConfig.SIGN_KEY_LOCATION
                + ": an EC private key needs its '-----BEGIN PUBLIC KEY-----' block in the same file (or use a JWK)");
    }
}
