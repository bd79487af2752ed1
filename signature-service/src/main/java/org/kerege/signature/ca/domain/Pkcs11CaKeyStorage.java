package org.kerege.signature.ca.domain;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;

/**
 * CA keys inside a PKCS#11 token (SoftHSM in tests, a real HSM in production) through Java's
 * SunPKCS11 provider. Keys are generated in the token as token objects with {@code CKA_SENSITIVE}
 * and without {@code CKA_EXTRACTABLE}: they sign inside the token and can never be read out.
 */
public final class Pkcs11CaKeyStorage implements CaKeyStorage {

    private final Provider provider;
    private final KeyStore store;
    private final String description;

    /**
     * @param library        the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slotListIndex  index in the list of slots with a token (slot ids change when tokens are added)
     * @param pin            the user PIN
     */
    public Pkcs11CaKeyStorage(String library, int slotListIndex, char[] pin) {
        String config = "--name=kerege-ca-" + slotListIndex + "\n"
                + "library=" + library + "\n"
                + "slotListIndex=" + slotListIndex + "\n"
                + "attributes(generate, *, *) = {\n  CKA_TOKEN = true\n}\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n"
                + "  CKA_PRIVATE = true\n}\n";
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("The SunPKCS11 provider is not available in this JVM");
        }
        this.provider = base.configure(config);
        this.description = "PKCS#11 token " + library + " slot index " + slotListIndex;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot log in to " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public synchronized Optional<CaKey> find(String alias) {
        try {
            return CaKey.read(store, alias, null, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read CA key " + alias + " from " + description, e);
        }
    }

    @Override
    public synchronized CaKey create(String alias, KeyAlgorithm algorithm, Function<KeyPair, X509Certificate> certify) {
        KeyPair pair = algorithm.generate(provider);
        X509Certificate cert = certify.apply(pair);
        try {
            store.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {cert});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store CA key " + alias + " in " + description, e);
        }
        return find(alias).orElseThrow(() -> new IllegalStateException("CA key " + alias + " not found after storing"));
    }

    @Override
    public String describe() {
        return description;
    }
}
