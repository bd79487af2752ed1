package org.kerege.signature.ca.domain;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A CA's signing key and certificate. The private key is a handle: in PKCS#11 mode it lives in the
 * token and cannot be read out; {@code provider} is the provider that can sign with it.
 */
public record CaKey(String alias, PrivateKey privateKey, X509Certificate certificate, Provider provider) {

    /**
     * The key entry under an alias of a loaded key store (a PKCS#12 file or a PKCS#11 token), if it
     * holds a private key with an X.509 certificate.
     *
     * @param password the entry's password, null for a token
     * @param provider the provider that signs with the key, null for the default providers
     */
    static Optional<CaKey> read(KeyStore store, String alias, char[] password, Provider provider)
            throws GeneralSecurityException {
        Key key = store.getKey(alias, password);
        Certificate cert = store.getCertificate(alias);
        if (!(key instanceof PrivateKey pk) || !(cert instanceof X509Certificate x)) {
            return Optional.empty();
        }
        return Optional.of(new CaKey(alias, pk, x, provider));
    }

    @Override
    public String toString() {
        return "CaKey[" + alias + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
