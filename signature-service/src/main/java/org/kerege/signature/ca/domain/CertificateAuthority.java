package org.kerege.signature.ca.domain;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The suite's certification authority: a root CA (signs only the issuing CA) and an issuing CA that
 * signs holder certificates, CRLs and OCSP answers. Both keys stay in a {@link CaKeyStorage}.
 *
 * <p>Holder certificate profile (issue 8): subject C=UZ, [O=organisation], CN=holder name, PINFL under
 * {@value #PINFL_OID}, [TIN under {@value #TIN_OID}]; validity 2 years; basicConstraints CA:false and
 * keyUsage digitalSignature + nonRepudiation, both critical; subject and authority key identifiers; CRL
 * distribution point {@code <base>/v1/crl}; AIA OCSP {@code <base>/v1/ocsp}; a random positive 16-byte serial.
 */
public final class CertificateAuthority {

    /** OID of the TIN (STIR) attribute in the subject. */
    public static final String TIN_OID = "1.2.860.3.16.1.1";
    /** OID of the PINFL (JShShIR) attribute in the subject. */
    public static final String PINFL_OID = "1.2.860.3.16.1.2";
    public static final ASN1ObjectIdentifier TIN = new ASN1ObjectIdentifier(TIN_OID);
    public static final ASN1ObjectIdentifier PINFL = new ASN1ObjectIdentifier(PINFL_OID);

    public static final String ROOT_ALIAS = "kerege-root-ca";
    public static final String ISSUING_ALIAS = "kerege-issuing-ca";

    /** Holder certificates are valid this long. */
    public static final Period HOLDER_VALIDITY = new Period(2);

    /** A validity in whole years. */
    public record Period(int years) {
    }

    /**
     * @param baseUrl          public base URL of this service, e.g. {@code http://localhost:8085}
     * @param caKeyAlgorithm   the key type of new CA keys
     * @param rootName         subject of a new root CA
     * @param issuingName      subject of a new issuing CA
     */
    public record Settings(String baseUrl, KeyAlgorithm caKeyAlgorithm, String rootName, String issuingName) {
        public static Settings local(String baseUrl) {
            return new Settings(baseUrl, KeyAlgorithm.EC_P256, "CN=Kerege Root CA (local),O=Kerege,C=UZ",
                    "CN=Kerege Issuing CA (local),O=Kerege,C=UZ");
        }
    }

    private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter();

    private final CaKey root;
    private final CaKey issuing;
    private final Settings settings;
    private final SecureRandom random;

    private CertificateAuthority(CaKey root, CaKey issuing, Settings settings, SecureRandom random) {
        this.root = root;
        this.issuing = issuing;
        this.settings = settings;
        this.random = random;
    }

    /**
     * Loads the root and issuing CA from the storage, creating whichever is missing (first start).
     * Creating is not safe against a second process doing the same at the same moment: callers
     * serialise it (the service takes a database advisory lock).
     */
    public static CertificateAuthority openOrCreate(CaKeyStorage storage, Settings settings, Instant now,
                                                    SecureRandom random) {
        CaKey root = storage.find(ROOT_ALIAS).orElseGet(() -> storage.create(ROOT_ALIAS, settings.caKeyAlgorithm(),
                pair -> caCertificate(new X500Name(settings.rootName()), pair.getPublic(), new X500Name(settings.rootName()),
                        pair.getPublic(), pair.getPrivate(), storage.provider(), settings.caKeyAlgorithm(), now, 20, null,
                        random)));
        CaKey issuing = storage.find(ISSUING_ALIAS).orElseGet(() -> storage.create(ISSUING_ALIAS,
                settings.caKeyAlgorithm(), pair -> caCertificate(new X500Name(settings.issuingName()), pair.getPublic(),
                        X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()),
                        root.certificate().getPublicKey(), root.privateKey(), root.provider(),
                        KeyAlgorithm.valueOf(algorithmOf(root.certificate().getPublicKey())), now, 10, 0, random)));
        try {
            issuing.certificate().verify(root.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The issuing CA certificate is not signed by the root CA", e);
        }
        return new CertificateAuthority(root, issuing, settings, random);
    }

    private static String algorithmOf(PublicKey key) {
        return "EC".equals(key.getAlgorithm()) ? "EC_P256" : "RSA_3072";
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public X509Certificate issuingCertificate() {
        return issuing.certificate();
    }

    /** Signs with the issuing CA key (certificates, CRLs, OCSP responses). */
    public ContentSigner issuingSigner() {
        return signer(issuing.privateKey(), issuing.provider(), issuing.certificate().getPublicKey());
    }

    public Settings settings() {
        return settings;
    }

    /** A new random serial: 16 bytes, positive (top bit clear), never zero. */
    public BigInteger newSerial() {
        byte[] bytes = new byte[16];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            bytes[0] &= 0x7F;
            serial = new BigInteger(1, bytes);
        } while (serial.bitLength() < 120);
        return serial;
    }

    /** Upper-case hex of a serial, as used in URLs, events and the database. */
    public static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase();
    }

    /** Parses {@link #hex}; null when malformed. */
    public static BigInteger parseHex(String text) {
        if (text == null || !text.matches("[0-9A-Fa-f]{1,40}")) {
            return null;
        }
        return new BigInteger(text, 16);
    }

    /** The subject of a holder certificate. */
    public static X500Name holderSubject(HolderProfile holder) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.C, "UZ");
        if (holder.organisation() != null) {
            b.addRDN(BCStyle.O, holder.organisation());
        }
        b.addRDN(BCStyle.CN, holder.holderName());
        b.addRDN(PINFL, new DERUTF8String(holder.pinfl().value()));
        if (holder.tin() != null) {
            b.addRDN(TIN, new DERUTF8String(holder.tin().value()));
        }
        return b.build();
    }

    /** Issues a holder certificate for a public key that was checked before (CSR proof of possession, key size). */
    public X509Certificate issue(HolderProfile holder, PublicKey subjectKey, BigInteger serial, Instant now) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.atZone(ZoneOffset.UTC).plusYears(HOLDER_VALIDITY.years()).toInstant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuing.certificate(), serial,
                    Date.from(notBefore), Date.from(notAfter), holderSubject(holder), subjectKey);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuing.certificate()));
            GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl());
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl()))));
            return CONVERTER.getCertificate(b.build(issuingSigner()));
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("Cannot issue a certificate", e);
        }
    }

    public String crlUrl() {
        return stripSlash(settings.baseUrl()) + "/v1/crl";
    }

    public String ocspUrl() {
        return stripSlash(settings.baseUrl()) + "/v1/ocsp";
    }

    /** The chain of a holder certificate: issuing CA, then root. */
    public List<X509Certificate> chain() {
        return List.of(issuing.certificate(), root.certificate());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static X509Certificate caCertificate(X500Name subject, PublicKey subjectKey, X500Name issuer,
                                                 PublicKey issuerKey, PrivateKey issuerPrivate, Provider provider,
                                                 KeyAlgorithm issuerAlgorithm, Instant now, int years,
                                                 Integer pathLength, SecureRandom random) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        Instant notAfter = notBefore.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[0] &= 0x7F;
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(1, bytes).setBit(120),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            b.addExtension(Extension.basicConstraints, true,
                    pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerKey));
            X509CertificateHolder holder = b.build(signer(issuerPrivate, provider, issuerKey));
            return CONVERTER.getCertificate(holder);
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("Cannot create a CA certificate", e);
        }
    }

    static ContentSigner signer(PrivateKey key, Provider provider, PublicKey publicKey) {
        try {
            JcaContentSignerBuilder b = new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(publicKey.getAlgorithm()));
            if (provider != null) {
                b.setProvider(provider);
            }
            return b.build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with the CA key", e);
        }
    }

    /** Hex of bytes, for key identifiers in logs. */
    static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Parses DER certificate bytes. */
    public static X509Certificate certificate(byte[] der) {
        try {
            return CONVERTER.getCertificate(new X509CertificateHolder(der));
        } catch (java.io.IOException | CertificateException e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }
}
