package org.kerege.signature.ca.domain;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;

/** Where CA keys live: a PKCS#11 token or an encrypted PKCS#12 keystore. Keys are made inside it. */
public interface CaKeyStorage {

    /** The key and certificate stored under {@code alias}, if any. */
    Optional<CaKey> find(String alias);

    /**
     * Generates a key pair inside the storage, asks {@code certify} for its certificate (the pair's
     * private key may only be used to sign, e.g. a self-signed root), and stores both under {@code alias}.
     */
    CaKey create(String alias, KeyAlgorithm algorithm, Function<KeyPair, X509Certificate> certify);

    /** The provider that signs with this storage's keys; null for the default providers. */
    java.security.Provider provider();

    /** A human description for logs (no secrets). */
    String describe();
}
