package org.kerege.signature.ca.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;

/**
 * CA keys in an encrypted PKCS#12 file (the JDK 17 defaults: PBES2 with AES-256 for keys and
 * certificates, HMAC-SHA256 MAC). The password comes from configuration (environment or file); the
 * file is written atomically with owner-only permissions.
 */
public final class KeystoreCaKeyStorage implements CaKeyStorage {

    private final Path file;
    private final char[] password;
    private KeyStore store;

    public KeystoreCaKeyStorage(Path file, char[] password) {
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("The CA keystore password must have at least 8 characters");
        }
        this.file = file;
        this.password = password.clone();
        try {
            store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, this.password);
                }
            } else {
                store.load(null, null);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the CA keystore " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<CaKey> find(String alias) {
        try {
            return CaKey.read(store, alias, password, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read CA key " + alias + " from " + file, e);
        }
    }

    @Override
    public synchronized CaKey create(String alias, KeyAlgorithm algorithm, Function<KeyPair, X509Certificate> certify) {
        KeyPair pair = algorithm.generate(null);
        X509Certificate cert = certify.apply(pair);
        try {
            store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {cert});
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".ca", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store CA key " + alias + " in " + file, e);
        }
        return new CaKey(alias, pair.getPrivate(), cert, null);
    }

    @Override
    public java.security.Provider provider() {
        return null;
    }

    @Override
    public String describe() {
        return "PKCS#12 keystore " + file;
    }
}
