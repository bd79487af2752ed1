package org.kerege.signature.ca.domain;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;

/** Key types this CA issues for and signs with. */
public enum KeyAlgorithm {
    RSA_2048("RSA", "SHA256withRSA"),
    RSA_3072("RSA", "SHA256withRSA"),
    EC_P256("EC", "SHA256withECDSA");

    private final String jcaName;
    private final String signatureAlgorithm;

    KeyAlgorithm(String jcaName, String signatureAlgorithm) {
        this.jcaName = jcaName;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String jcaName() {
        return jcaName;
    }

    /** The signature algorithm a key of this type signs certificates, CRLs and OCSP answers with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Generates a key pair with the given provider (null: the default one). */
    public KeyPair generate(Provider provider) {
        try {
            KeyPairGenerator g = provider == null ? KeyPairGenerator.getInstance(jcaName)
                    : KeyPairGenerator.getInstance(jcaName, provider);
            switch (this) {
                case RSA_2048 -> g.initialize(2048);
                case RSA_3072 -> g.initialize(3072);
                case EC_P256 -> g.initialize(new ECGenParameterSpec("secp256r1"));
                default -> throw new IllegalStateException();
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + this + " key pair", e);
        }
    }

    /** The signature algorithm for a key of the given JCA algorithm name (RSA, EC). */
    public static String signatureAlgorithmFor(String keyAlgorithm) {
        return "EC".equals(keyAlgorithm) || "ECDSA".equals(keyAlgorithm) ? EC_P256.signatureAlgorithm
                : RSA_2048.signatureAlgorithm;
    }
}
