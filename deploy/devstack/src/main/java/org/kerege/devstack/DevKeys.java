package org.kerege.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The RSA-2048 key pair that signs development tokens ({@link DevTokens}) and that the services verify
 * them with ({@code mp.jwt.verify.publickey.location}).
 *
 * <p>Two sources: {@link #generate()} makes a key pair in memory (one per test JVM, see
 * {@link KeregeTestResource}); {@link #loadOrCreate(Path)} keeps it in a directory as
 * {@value #PRIVATE_KEY_FILE} (PKCS#8 PEM, owner-only permissions) and {@value #PUBLIC_KEY_FILE}
 * (X.509 SubjectPublicKeyInfo PEM), generated at the first call and reused afterwards. That directory
 * is local data: never commit it. These keys are for development and tests only.
 *
 * <p>The same directory keeps the AES key payments-service seals webhook secrets with
 * ({@link #webhookSecretKey(Path)}, {@value #WEBHOOK_SECRET_KEY_FILE}).
 */
public final class DevKeys {

    /** File name of the private key in a key directory. */
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    /** File name of the public key in a key directory. */
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    /** File name, in a key directory, of the key payments-service seals webhook secrets with (base64 of 32 bytes). */
    public static final String WEBHOOK_SECRET_KEY_FILE = "payments-webhook-secret.key";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey);
        this.publicKey = Objects.requireNonNull(publicKey);
    }

    /** @return a new RSA-2048 key pair, in memory only */
    public static DevKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /**
     * Reads the key pair from {@code keysDir}, or generates it there if the directory holds none.
     *
     * @param keysDir e.g. {@code <repo>/data/keys}
     * @return the key pair
     * @throws IllegalStateException if only one of the two files exists or a file cannot be parsed
     */
    public static DevKeys loadOrCreate(Path keysDir) {
        Path privateFile = keysDir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = keysDir.resolve(PUBLIC_KEY_FILE);
        try {
            boolean hasPrivate = Files.exists(privateFile);
            boolean hasPublic = Files.exists(publicFile);
            if (hasPrivate && hasPublic) {
                return new DevKeys(parsePrivateKey(Files.readString(privateFile)),
                        parsePublicKey(Files.readString(publicFile)));
            }
            if (hasPrivate || hasPublic) {
                throw new IllegalStateException("only one of " + privateFile + " and " + publicFile
                        + " exists; delete it to generate a new pair");
            }
            DevKeys keys = generate();
            Files.createDirectories(keysDir);
            writeAtomically(privateFile, keys.privateKeyPem(), true);
            writeAtomically(publicFile, keys.publicKeyPem(), false);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write dev keys in " + keysDir, e);
        }
    }

    /**
     * Reads the key that payments-service seals webhook secrets with ({@code KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY}) from
     * {@code keysDir}, or generates it there (32 random bytes, base64, owner-only permissions) at the first call. Kept
     * beside the JWT keys so that a restart of the local run still opens the secrets it stored.
     *
     * @param keysDir e.g. {@code <repo>/data/keys}
     * @return the key, standard base64 of 32 bytes
     * @throws IllegalStateException if the file holds something else
     */
    public static String webhookSecretKey(Path keysDir) {
        Path file = keysDir.resolve(WEBHOOK_SECRET_KEY_FILE);
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(key);
                } catch (IllegalArgumentException e) {
                    bytes = new byte[0];
                }
                if (bytes.length != 32) {
                    throw new IllegalStateException(file + " does not hold base64 of 32 bytes; restore it (the webhook"
                            + " secrets stored with it open only with it) or delete it and the data of the run");
                }
                return key;
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(keysDir);
            writeAtomically(file, key + "\n", true);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** @return the signing key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the verification key */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** @return the key id written into token headers: the RFC 7638 thumbprint of the public key */
    public String keyId() {
        return DevTokens.keyId((RSAPublicKey) publicKey);
    }

    /** @return the public key as a {@code -----BEGIN PUBLIC KEY-----} PEM block */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** @return the private key as a PKCS#8 PEM block (the dev key of the local run, never committed) */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * Writes the public key as PEM.
     *
     * @param file the target file (replaced)
     * @return {@code file}
     */
    public Path writePublicKey(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            writeAtomically(file, publicKeyPem(), false);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * @param file a PEM file
     * @return the {@code file:} location that {@code mp.jwt.verify.publickey.location} accepts
     */
    public static String fileLocation(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /**
     * Parses a PKCS#8 {@code PRIVATE KEY} PEM block holding an RSA key.
     *
     * @param pem the PEM text
     * @return the key
     */
    public static PrivateKey parsePrivateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA PKCS#8 private key", e);
        }
    }

    /**
     * Parses an X.509 {@code PUBLIC KEY} PEM block holding an RSA key.
     *
     * @param pem the PEM text
     * @return the key
     */
    public static PublicKey parsePublicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key", e);
        }
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
            }
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
