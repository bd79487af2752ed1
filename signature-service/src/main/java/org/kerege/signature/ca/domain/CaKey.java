package org.kerege.signature.ca.domain;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;

/**
 * A CA's signing key and certificate. The private key is a handle: in PKCS#11 mode it lives in the
 * token and cannot be read out; {@code provider} is the provider that can sign with it.
 */
public record CaKey(String alias, PrivateKey privateKey, X509Certificate certificate, Provider provider) {

    @Override
    public String toString() {
        return "CaKey[" + alias + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
