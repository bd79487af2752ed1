package org.kerege.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DevKeys KEYS = DevKeys.generate();

    @Test
    void signatureVerifiesWithThePublicKeyAndClaimsParse() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("office", "BISHKEK-1");
        extra.put("weird", "quote \" backslash \\ newline \n tab \t nul \u0000 line-sep \u2028 emoji \uD83D\uDE00 кириллица");
        extra.put("nested", Map.of("n", 1, "list", List.of(true, 2.5, "x")));
        long before = Instant.now().getEpochSecond();
        String token = DevTokens.mint(KEYS.privateKey(), "officer", "officer-7", extra, Duration.ofMinutes(5));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        assertTrue(verify(KEYS.publicKey(), parts));

        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("RS256", header.get("alg").asText());
        assertEquals("JWT", header.get("typ").asText());
        assertEquals(KEYS.keyId(), header.get("kid").asText());

        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(DevTokens.ISSUER, claims.get("iss").asText());
        assertEquals("officer-7", claims.get("sub").asText());
        assertEquals("officer-7", claims.get("upn").asText());
        assertEquals("officer", claims.get("groups").get(0).asText());
        assertEquals(1, claims.get("groups").size());
        assertEquals("BISHKEK-1", claims.get("office").asText());
        assertEquals(extra.get("weird"), claims.get("weird").asText());
        assertEquals(2.5, claims.get("nested").get("list").get(1).asDouble());
        long iat = claims.get("iat").asLong();
        assertTrue(iat >= before && iat <= before + 5);
        assertEquals(iat + 300, claims.get("exp").asLong());
        assertFalse(claims.get("jti").asText().isBlank());
        assertFalse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).contains("\n"));
    }

    @Test
    void tamperedTokenDoesNotVerify() throws Exception {
        String token = DevTokens.mint(KEYS, "citizen", "12345678901234", null);
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("citizen", "admin").getBytes(StandardCharsets.UTF_8));
        assertFalse(verify(KEYS.publicKey(), new String[] {parts[0], forged, parts[2]}));
        assertFalse(verify(DevKeys.generate().publicKey(), parts));
    }

    @Test
    void extraClaimsReplaceStandardOnesAndRolesAreChecked() throws Exception {
        String token = DevTokens.mint(KEYS.privateKey(), "bank", "bank-user", Map.of("bank", "KICB",
                "iss", "https://elsewhere"), Duration.ofHours(1));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("https://elsewhere", claims.get("iss").asText());
        assertEquals("KICB", claims.get("bank").asText());
        for (String role : DevTokens.ROLES) {
            DevTokens.mint(KEYS, role, "s", null);
        }
        assertThrows(IllegalArgumentException.class, () -> DevTokens.mint(KEYS, "root", "s", null));
        assertThrows(IllegalArgumentException.class, () -> DevTokens.mint(KEYS, "admin", " ", null));
        assertThrows(IllegalArgumentException.class,
                () -> DevTokens.mint(KEYS.privateKey(), "admin", "s", null, Duration.ZERO));
    }

    @Test
    void jsonEscaping() {
        assertEquals("{\"a\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u2028\"}", DevTokens.toJson(Map.of("a", "\"\\\b\f\n\r\t\u0001\u2028")));
        assertEquals("[1,true,null,\"x\",[2]]", DevTokens.toJson(new Object[] {1, true, null, 'x', new int[] {2}}));
        assertEquals("\"\\ud800\"", DevTokens.toJson("\uD800"));
    }

    @Test
    void keysAreCreatedOnceAndReused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        DevKeys created = DevKeys.loadOrCreate(dir);
        DevKeys loaded = DevKeys.loadOrCreate(dir);
        assertArrayEquals(created.privateKey().getEncoded(), loaded.privateKey().getEncoded());
        assertArrayEquals(created.publicKey().getEncoded(), loaded.publicKey().getEncoded());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(DevKeys.PRIVATE_KEY_FILE))));
        assertTrue(Files.readString(dir.resolve(DevKeys.PUBLIC_KEY_FILE)).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        String token = DevTokens.mint(loaded, "admin", "root", null);
        assertTrue(verify(DevKeys.parsePublicKey(Files.readString(dir.resolve(DevKeys.PUBLIC_KEY_FILE))),
                token.split("\\.")));
    }

    @Test
    void theWebhookSealingKeyIsCreatedOnceOwnerOnlyAndReused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        String created = DevKeys.webhookSecretKey(dir);
        assertEquals(32, Base64.getDecoder().decode(created).length);
        assertEquals(created, DevKeys.webhookSecretKey(dir));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(DevKeys.WEBHOOK_SECRET_KEY_FILE))));
        assertNotEquals(created, DevKeys.webhookSecretKey(tmp.resolve("other")), "random per directory");
        Files.writeString(dir.resolve(DevKeys.WEBHOOK_SECRET_KEY_FILE), "c2hvcnQ=\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevKeys.webhookSecretKey(dir));
        assertTrue(e.getMessage().contains("does not hold base64 of 32 bytes"), e.getMessage());
    }

    static boolean verify(PublicKey key, String[] parts) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
