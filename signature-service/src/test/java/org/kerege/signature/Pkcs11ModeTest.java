package org.kerege.signature;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.kerege.devstack.KeregeTestResource;

/** The service with its CA keys in a SoftHSM token (kerege.signature.ca.mode=pkcs11): issuance over HTTP signs in the token. */
@QuarkusTest
@TestProfile(Pkcs11ModeTest.SoftHsmProfile.class)
@EnabledIf(value = "org.kerege.signature.SoftHsmToken#available",
        disabledReason = "SKIPPED: SoftHSM is absent (apt-get install softhsm2) or SOFTHSM2_CONF is unset (run through Maven)")
class Pkcs11ModeTest {

    /** pkcs11 mode on the JVM's SoftHSM token, prepared before the application starts. */
    public static class SoftHsmProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            SoftHsmToken.ensure();
            return Map.of("kerege.signature.ca.mode", "pkcs11",
                    "kerege.signature.ca.pkcs11-library", Tools.SOFTHSM_LIB.toString(),
                    "kerege.signature.ca.pkcs11-slot-index", "0",
                    "kerege.signature.ca.pkcs11-pin", SoftHsmToken.PIN);
        }
    }

    @Test
    void a_pfx_is_issued_with_the_issuing_ca_key_inside_the_token() throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(
                given().get("/v1/ca/chain").then().statusCode(200).extract().asString().getBytes(StandardCharsets.US_ASCII)))) {
            chain.add((X509Certificate) c);
        }
        assertEquals(2, chain.size());

        UUID id = UUID.randomUUID();
        SignatureApiTest.sql("""
                insert into signature.key_application (id, applicant_type, pinfl, holder_name, phone, region, district,
                    channel, status, submitted_by, submitted_role, submitted_at, phone_verified_at, paid_at,
                    identity_checked_by, identity_checked_at, version)
                values ('%s', 'INDIVIDUAL', '31507760180032', 'Berdaq Ajiniyazov', '+998901234567', 'Nukus', 'Nukus',
                    'SERVICE_CENTRE', 'IDENTITY_CHECKED', 'officer-1', 'officer', now(), now(), now(), 'officer-1', now(), 0)"""
                .formatted(id));
        byte[] pfx = given().header("Authorization", "Bearer " + KeregeTestResource.token("officer", "officer-1",
                        Map.of("office", "uz-nukus-mxo")))
                .contentType("application/json").body("{\"password\": \"hsm-mode-password\", \"keyAlgorithm\": \"EC_P256\"}")
                .post("/v1/key-applications/" + id + "/pfx").then().statusCode(200).extract().asByteArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(pfx), "hsm-mode-password".toCharArray());
        X509Certificate leaf = (X509Certificate) store.getCertificate(store.aliases().nextElement());
        leaf.verify(chain.get(0).getPublicKey());
        chain.get(0).verify(chain.get(1).getPublicKey());

        Path crl = Path.of("target/tmp/pkcs11-mode.crl");
        Files.createDirectories(crl.getParent());
        Files.write(crl, given().get("/v1/crl").then().statusCode(200).extract().asByteArray());
        assertTrue(Files.size(crl) > 100);
        var x509crl = (java.security.cert.X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(Files.readAllBytes(crl)));
        x509crl.verify(chain.get(0).getPublicKey());
    }
}
