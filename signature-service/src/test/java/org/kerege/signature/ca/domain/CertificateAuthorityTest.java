package org.kerege.signature.ca.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerege.signature.Tools;
import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Pinfl;
import org.kerege.signature.identity.domain.Tin;

/** The CA in keystore mode, checked against the real openssl and keytool binaries. */
class CertificateAuthorityTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final HolderProfile PERSON = new HolderProfile(ApplicantType.INDIVIDUAL, "Berdaq Ajiniyazov",
            Pinfl.of("31507760180032"), null, null);
    static final HolderProfile COMPANY = new HolderProfile(ApplicantType.LEGAL_ENTITY, "Ajiniyaz Qosibaev",
            Pinfl.of("41203850120014"), "Nukus Textile LLC", Tin.of("301234567"));

    @TempDir
    static Path dir;
    static CertificateAuthority ca;
    static Path keystore;

    @BeforeAll
    static void createCa() {
        keystore = dir.resolve("ca.p12");
        ca = CertificateAuthority.openOrCreate(new KeystoreCaKeyStorage(keystore, "ca-test-password".toCharArray()),
                CertificateAuthority.Settings.local("http://sig.example:8085/"), NOW, new SecureRandom());
    }

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    @Nested
    class Bootstrap {
        @Test
        void a_second_start_loads_the_same_root_and_issuing_ca() {
            CertificateAuthority again = CertificateAuthority.openOrCreate(
                    new KeystoreCaKeyStorage(keystore, "ca-test-password".toCharArray()),
                    CertificateAuthority.Settings.local("http://sig.example:8085"), NOW.plusSeconds(3600), new SecureRandom());
            assertEquals(ca.rootCertificate(), again.rootCertificate());
            assertEquals(ca.issuingCertificate(), again.issuingCertificate());
        }

        @Test
        void the_keystore_does_not_open_with_a_wrong_password() {
            assertThrows(IllegalStateException.class,
                    () -> new KeystoreCaKeyStorage(keystore, "wrong-password".toCharArray()));
        }

        @Test
        void the_issuing_ca_is_signed_by_the_root_and_limited_to_end_entities() throws Exception {
            ca.issuingCertificate().verify(ca.rootCertificate().getPublicKey());
            assertEquals(0, ca.issuingCertificate().getBasicConstraints());
            assertEquals(Integer.MAX_VALUE, ca.rootCertificate().getBasicConstraints());
        }
    }

    @Nested
    class Profile {
        @Test
        void a_person_certificate_carries_name_and_pinfl_and_lasts_two_years() throws Exception {
            KeyPair pair = rsa(2048);
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), NOW);
            String subject = c.getSubjectX500Principal().getName("RFC2253");
            assertTrue(subject.contains("CN=Berdaq Ajiniyazov"), subject);
            assertEquals("31507760180032", SignatureVerifier.pinflOf(c));
            assertFalse(subject.contains(CertificateAuthority.TIN_OID), subject);
            assertEquals(NOW, c.getNotBefore().toInstant());
            assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(2).toInstant(), c.getNotAfter().toInstant());
            c.verify(ca.issuingCertificate().getPublicKey());
        }

        @Test
        void a_legal_entity_certificate_adds_organisation_and_tin() throws Exception {
            X509Certificate c = ca.issue(COMPANY, rsa(2048).getPublic(), ca.newSerial(), NOW);
            String subject = c.getSubjectX500Principal().getName("RFC2253");
            assertTrue(subject.contains("O=Nukus Textile LLC"), subject);
            assertTrue(subject.contains(CertificateAuthority.TIN_OID + "="), subject);
            var name = org.bouncycastle.asn1.x500.X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
            assertEquals("301234567", SignatureVerifier.rdn(name, CertificateAuthority.TIN));
            assertEquals("41203850120014", SignatureVerifier.rdn(name, CertificateAuthority.PINFL));
        }

        @Test
        void key_usage_is_digital_signature_and_non_repudiation_and_critical() throws Exception {
            X509Certificate c = ca.issue(PERSON, rsa(2048).getPublic(), ca.newSerial(), NOW);
            boolean[] ku = c.getKeyUsage();
            assertTrue(ku[0] && ku[1]);
            for (int i = 2; i < ku.length; i++) {
                assertFalse(ku[i], "key usage bit " + i);
            }
            assertTrue(c.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
            assertEquals(-1, c.getBasicConstraints());
        }

        @Test
        void crl_and_ocsp_addresses_come_from_the_base_url() throws Exception {
            X509Certificate c = ca.issue(PERSON, rsa(2048).getPublic(), ca.newSerial(), NOW);
            String crl = new String(c.getExtensionValue(Extension.cRLDistributionPoints.getId()), StandardCharsets.ISO_8859_1);
            String aia = new String(c.getExtensionValue(Extension.authorityInfoAccess.getId()), StandardCharsets.ISO_8859_1);
            assertTrue(crl.contains("http://sig.example:8085/v1/crl"), crl);
            assertTrue(aia.contains("http://sig.example:8085/v1/ocsp"), aia);
        }

        @Test
        void serials_are_random_positive_and_16_bytes() {
            BigInteger a = ca.newSerial();
            BigInteger b = ca.newSerial();
            assertNotEquals(a, b);
            assertEquals(1, a.signum());
            assertEquals(16, a.toByteArray().length);
            assertTrue(a.bitLength() >= 120);
        }
    }

    @Nested
    class Csrs {
        @Test
        void rsa_2048_and_p256_requests_with_proof_of_possession_are_accepted() throws Exception {
            assertEquals("RSA_2048", CsrCheck.check(TestKeys.csrPem(rsa(2048)).getBytes()).keyType());
            assertEquals("EC_P256", CsrCheck.check(TestKeys.csrPem(ec("secp256r1")).getBytes()).keyType());
        }

        @Test
        void der_requests_are_accepted_too() throws Exception {
            String pem = TestKeys.csrPem(ec("secp256r1"));
            byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            assertEquals("EC_P256", CsrCheck.check(der).keyType());
        }

        @Test
        void small_rsa_keys_and_other_curves_are_refused() throws Exception {
            assertThrows(InvalidRequestException.class, () -> CsrCheck.check(TestKeys.csrPem(rsa(1024)).getBytes()));
            assertThrows(InvalidRequestException.class, () -> CsrCheck.check(TestKeys.csrPem(ec("secp384r1")).getBytes()));
        }

        @Test
        void a_request_signed_by_another_key_is_refused() throws Exception {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> CsrCheck.check(TestKeys.csrWithoutPossession(rsa(2048), rsa(2048)).getBytes()));
            assertTrue(e.getMessage().contains("proof of possession"));
        }

        @Test
        void garbage_is_refused() {
            assertThrows(InvalidRequestException.class, () -> CsrCheck.check("hello".getBytes()));
            assertThrows(InvalidRequestException.class, () -> CsrCheck.check(new byte[0]));
            assertThrows(InvalidRequestException.class,
                    () -> CsrCheck.check("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----".getBytes()));
        }
    }

    @Nested
    class Pfx {
        @Test
        void opens_with_keytool_and_the_right_password_only() throws Exception {
            Tools.assumeKeytool();
            KeyPair pair = KeyAlgorithm.RSA_2048.generate(null);
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), NOW);
            Path file = dir.resolve("person.pfx");
            Files.write(file, PfxWriter.write("ENQ test", pair.getPrivate(), c, ca.chain(), "right-password".toCharArray()));
            Tools.Run ok = Tools.run(List.of(Tools.keytool().toString(), "-list", "-storetype", "PKCS12", "-keystore",
                    file.toString(), "-storepass", "right-password"));
            assertEquals(0, ok.exit(), ok.output());
            assertTrue(ok.output().contains("PrivateKeyEntry"), ok.output());
            Tools.Run wrong = Tools.run(List.of(Tools.keytool().toString(), "-list", "-storetype", "PKCS12", "-keystore",
                    file.toString(), "-storepass", "wrong-password"));
            assertNotEquals(0, wrong.exit(), wrong.output());
        }

        @Test
        void uses_pbes2_aes_256_and_a_sha256_mac() throws Exception {
            KeyPair pair = KeyAlgorithm.EC_P256.generate(null);
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), NOW);
            PKCS12PfxPdu pdu = new PKCS12PfxPdu(PfxWriter.write("x", pair.getPrivate(), c, ca.chain(), "pw-123456".toCharArray()));
            assertTrue(pdu.hasMac());
            assertEquals("2.16.840.1.101.3.4.2.1", pdu.getMacAlgorithmID().getAlgorithm().getId()); // SHA-256
            assertTrue(pdu.isMacValid(new org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider(
                    org.bouncycastle.operator.bc.BcDefaultDigestProvider.INSTANCE), "pw-123456".toCharArray()));
            assertFalse(pdu.isMacValid(new org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider(
                    org.bouncycastle.operator.bc.BcDefaultDigestProvider.INSTANCE), "wrong-pass".toCharArray()));
            var encrypted = pdu.getContentInfos()[0];
            assertEquals(PKCSObjectIdentifiers.encryptedData, encrypted.getContentType());
            String der = org.bouncycastle.util.encoders.Hex.toHexString(pdu.getEncoded());
            assertTrue(der.contains("06092a864886f70d01050d"), "PBES2 OID present");
            assertTrue(der.contains("060960864801650304012a"), "AES-256-CBC OID present");

            // The certificates and the private key are encrypted with different salts (so keys) and IVs.
            var certsAlgorithm = org.bouncycastle.asn1.pkcs.EncryptedData.getInstance(encrypted.getContent())
                    .getEncryptionAlgorithm();
            var keyBag = new org.bouncycastle.pkcs.PKCS12SafeBagFactory(pdu.getContentInfos()[1]).getSafeBags()[0];
            var keyAlgorithm = ((org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo) keyBag.getBagValue())
                    .getEncryptionAlgorithm();
            var certsPbes2 = org.bouncycastle.asn1.pkcs.PBES2Parameters.getInstance(certsAlgorithm.getParameters());
            var keyPbes2 = org.bouncycastle.asn1.pkcs.PBES2Parameters.getInstance(keyAlgorithm.getParameters());
            assertNotEquals(certsPbes2.getKeyDerivationFunc().getParameters(), keyPbes2.getKeyDerivationFunc().getParameters(),
                    "salts differ");
            assertNotEquals(certsPbes2.getEncryptionScheme().getParameters(), keyPbes2.getEncryptionScheme().getParameters(),
                    "IVs differ");
        }
    }

    @Nested
    class Revocation {
        @Test
        void openssl_accepts_the_chain() throws Exception {
            Tools.assumeOpenssl();
            X509Certificate c = ca.issue(PERSON, rsa(2048).getPublic(), ca.newSerial(), Instant.now());
            Path root = TestKeys.write(dir, "root.pem", TestKeys.pem(ca.rootCertificate()));
            Path issuing = TestKeys.write(dir, "issuing.pem", TestKeys.pem(ca.issuingCertificate()));
            Path leaf = TestKeys.write(dir, "leaf.pem", TestKeys.pem(c));
            Tools.Run r = Tools.run(List.of("openssl", "verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                    leaf.toString()));
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains(": OK"), r.output());
        }

        @Test
        void openssl_accepts_the_crl_and_finds_the_revoked_serial() throws Exception {
            Tools.assumeOpenssl();
            Revocations revocations = new Revocations(ca);
            BigInteger serial = ca.newSerial();
            Instant now = Instant.now();
            byte[] crl = revocations.crl(List.of(new RevokedEntry(serial, now.minusSeconds(60), RevocationReason.KEY_COMPROMISE)),
                    7, now, Duration.ofHours(24));
            Path crlFile = dir.resolve("ca.crl");
            Files.write(crlFile, crl);
            Path chain = TestKeys.write(dir, "chain.pem", TestKeys.pem(ca.issuingCertificate()) + TestKeys.pem(ca.rootCertificate()));
            Tools.Run r = Tools.run(List.of("openssl", "crl", "-inform", "DER", "-in", crlFile.toString(), "-CAfile",
                    chain.toString(), "-noout", "-text"));
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("verify OK"), r.output());
            assertTrue(r.output().toUpperCase().contains(CertificateAuthority.hex(serial)), r.output());
            assertTrue(r.output().contains("Key Compromise"), r.output());
            assertTrue(r.output().contains("Next Update"), r.output());
        }

        @Test
        void openssl_reads_good_then_revoked_from_the_responder_and_the_nonce_is_echoed() throws Exception {
            Tools.assumeOpenssl();
            X509Certificate c = ca.issue(PERSON, rsa(2048).getPublic(), ca.newSerial(), Instant.now());
            Path issuing = TestKeys.write(dir, "o-issuing.pem", TestKeys.pem(ca.issuingCertificate()));
            Path chain = TestKeys.write(dir, "o-chain.pem", TestKeys.pem(ca.issuingCertificate()) + TestKeys.pem(ca.rootCertificate()));
            Path leaf = TestKeys.write(dir, "o-leaf.pem", TestKeys.pem(c));
            Path req = dir.resolve("req.der");
            Tools.Run made = Tools.run(List.of("openssl", "ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(),
                    "-reqout", req.toString()));
            assertEquals(0, made.exit(), made.output());
            Revocations revocations = new Revocations(ca);
            byte[] request = Files.readAllBytes(req);

            byte[] good = revocations.ocsp(request, s -> new RevocationStatus.Good(c.getNotAfter().toInstant()), Instant.now(),
                    Duration.ofHours(1));
            Path goodFile = dir.resolve("good.der");
            Files.write(goodFile, good);
            Tools.Run nonce = Tools.run(List.of("openssl", "ocsp", "-reqin", req.toString(), "-respin", goodFile.toString(),
                    "-CAfile", chain.toString()));
            assertEquals(0, nonce.exit(), nonce.output());
            assertTrue(nonce.output().contains("Response verify OK"), nonce.output());
            Tools.Run g = Tools.run(List.of("openssl", "ocsp", "-respin", goodFile.toString(), "-no_nonce",
                    "-issuer", issuing.toString(), "-cert", leaf.toString(), "-CAfile", chain.toString()));
            assertEquals(0, g.exit(), g.output());
            assertTrue(g.output().contains("Response verify OK"), g.output());
            assertTrue(g.output().contains(leaf + ": good"), g.output());

            byte[] revoked = revocations.ocsp(request, s -> new RevocationStatus.Revoked(Instant.now().minusSeconds(5),
                    RevocationReason.KEY_COMPROMISE), Instant.now(), Duration.ofHours(1));
            Path revokedFile = dir.resolve("revoked.der");
            Files.write(revokedFile, revoked);
            Tools.Run rv = Tools.run(List.of("openssl", "ocsp", "-respin", revokedFile.toString(), "-no_nonce",
                    "-issuer", issuing.toString(), "-cert", leaf.toString(), "-CAfile", chain.toString()));
            assertTrue(rv.output().contains(leaf + ": revoked"), rv.output());

            var sentNonce = new org.bouncycastle.cert.ocsp.OCSPReq(request).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(good).getResponseObject();
            assertArrayEquals(ASN1OctetString.getInstance(sentNonce.getExtnValue()).getOctets(),
                    ASN1OctetString.getInstance(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue()).getOctets());
        }

        @Test
        void an_id_of_another_issuer_is_unknown() throws Exception {
            Tools.assumeOpenssl();
            CertificateAuthority other = CertificateAuthority.openOrCreate(
                    new KeystoreCaKeyStorage(dir.resolve("other.p12"), "other-password".toCharArray()),
                    CertificateAuthority.Settings.local("http://other"), NOW, new SecureRandom());
            X509Certificate c = other.issue(PERSON, rsa(2048).getPublic(), other.newSerial(), Instant.now());
            Path issuing = TestKeys.write(dir, "x-issuing.pem", TestKeys.pem(other.issuingCertificate()));
            Path leaf = TestKeys.write(dir, "x-leaf.pem", TestKeys.pem(c));
            Path req = dir.resolve("x-req.der");
            Tools.run(List.of("openssl", "ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(), "-reqout", req.toString()));
            byte[] answer = new Revocations(ca).ocsp(Files.readAllBytes(req), s -> new RevocationStatus.Good(NOW), Instant.now(),
                    Duration.ofHours(1));
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(answer).getResponseObject();
            assertTrue(basic.getResponses()[0].getCertStatus() instanceof org.bouncycastle.cert.ocsp.UnknownStatus);
        }

        @Test
        void garbage_is_not_an_ocsp_request() {
            assertThrows(InvalidRequestException.class, () -> new Revocations(ca).ocsp("hello".getBytes(),
                    s -> new RevocationStatus.Unknown(), NOW, Duration.ofHours(1)));
            assertThrows(InvalidRequestException.class, () -> new Revocations(ca).ocsp(new byte[0],
                    s -> new RevocationStatus.Unknown(), NOW, Duration.ofHours(1)));
        }
    }

    @Nested
    class Verification {
        final byte[] data = "Ariza: elektron kalit".getBytes(StandardCharsets.UTF_8);

        SignatureVerifier.Result verify(byte[] cms, byte[] detached, java.util.function.Function<BigInteger, RevocationStatus> lookup) {
            return new SignatureVerifier(ca).verify(cms, detached, true, lookup, Instant.now());
        }

        @Test
        void a_good_detached_signature_is_valid_and_names_the_signer() throws Exception {
            KeyPair pair = rsa(2048);
            X509Certificate c = ca.issue(COMPANY, pair.getPublic(), ca.newSerial(), Instant.now().minusSeconds(600));
            byte[] cms = TestKeys.cms(data, pair.getPrivate(), c, new Date(), true);
            SignatureVerifier.Result r = verify(cms, data, s -> new RevocationStatus.Good(c.getNotAfter().toInstant()));
            assertTrue(r.valid(), r.toString());
            SignatureVerifier.SignerResult s = r.signers().get(0);
            assertEquals("41203850120014", s.pinfl());
            assertEquals("301234567", s.tin());
            assertEquals("Nukus Textile LLC", s.organisation());
            assertEquals("GOOD", s.revocation());
        }

        @Test
        void changed_data_makes_it_invalid() throws Exception {
            KeyPair pair = ec("secp256r1");
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), Instant.now().minusSeconds(600));
            byte[] cms = TestKeys.cms(data, pair.getPrivate(), c, new Date(), true);
            SignatureVerifier.Result r = verify(cms, "other".getBytes(), s -> new RevocationStatus.Good(NOW));
            assertFalse(r.valid());
        }

        @Test
        void an_undeterminable_revocation_status_is_never_valid() throws Exception {
            KeyPair pair = ec("secp256r1");
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), Instant.now().minusSeconds(600));
            byte[] cms = TestKeys.cms(data, pair.getPrivate(), c, new Date(), false);
            SignatureVerifier.Result unknown = verify(cms, null, s -> new RevocationStatus.Unknown());
            assertFalse(unknown.valid());
            assertEquals("UNDETERMINED", unknown.signers().get(0).revocation());
            SignatureVerifier.Result failing = verify(cms, null, s -> {
                throw new IllegalStateException("database down");
            });
            assertFalse(failing.valid());
            assertTrue(failing.signers().get(0).problems().get(0).contains("cannot be determined"));
        }

        @Test
        void a_key_compromise_invalidates_even_earlier_signatures_but_supersession_does_not() throws Exception {
            KeyPair pair = rsa(2048);
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), Instant.now().minusSeconds(3600));
            Instant signed = Instant.now().minusSeconds(1800);
            byte[] cms = TestKeys.cms(data, pair.getPrivate(), c, Date.from(signed), false);
            assertFalse(verify(cms, null, s -> new RevocationStatus.Revoked(signed.plusSeconds(60),
                    RevocationReason.KEY_COMPROMISE)).valid());
            assertTrue(verify(cms, null, s -> new RevocationStatus.Revoked(signed.plusSeconds(60),
                    RevocationReason.SUPERSEDED)).valid());
            assertFalse(verify(cms, null, s -> new RevocationStatus.Revoked(signed.minusSeconds(60),
                    RevocationReason.SUPERSEDED)).valid());
        }

        @Test
        void a_certificate_of_another_ca_does_not_chain() throws Exception {
            CertificateAuthority other = CertificateAuthority.openOrCreate(
                    new KeystoreCaKeyStorage(dir.resolve("other2.p12"), "other-password".toCharArray()),
                    CertificateAuthority.Settings.local("http://other"), Instant.now().minusSeconds(3600), new SecureRandom());
            KeyPair pair = rsa(2048);
            X509Certificate c = other.issue(PERSON, pair.getPublic(), other.newSerial(), Instant.now().minusSeconds(600));
            SignatureVerifier.Result r = verify(TestKeys.cms(data, pair.getPrivate(), c, new Date(), false), null,
                    s -> new RevocationStatus.Good(NOW));
            assertFalse(r.valid());
            assertTrue(r.signers().get(0).problems().contains("the signer's certificate does not chain to the Kerege root CA"));
        }

        @Test
        void a_detached_signature_without_its_data_is_not_valid() throws Exception {
            KeyPair pair = rsa(2048);
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), Instant.now().minusSeconds(600));
            SignatureVerifier.Result r = verify(TestKeys.cms(data, pair.getPrivate(), c, new Date(), true), null,
                    s -> new RevocationStatus.Good(NOW));
            assertFalse(r.valid());
        }

        @Test
        void garbage_is_not_cms() {
            assertThrows(InvalidRequestException.class, () -> verify("hello".getBytes(), null, s -> null));
        }

        @Test
        void without_revocation_checking_the_answer_says_so() throws Exception {
            KeyPair pair = rsa(2048);
            X509Certificate c = ca.issue(PERSON, pair.getPublic(), ca.newSerial(), Instant.now().minusSeconds(600));
            SignatureVerifier.Result r = new SignatureVerifier(ca).verify(TestKeys.cms(data, pair.getPrivate(), c, new Date(),
                    false), null, false, s -> new RevocationStatus.Unknown(), Instant.now());
            assertFalse(r.revocationChecked());
            assertEquals("NOT_CHECKED", r.signers().get(0).revocation());
        }
    }
}
