package org.kerege.signature.ca.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Test helpers: what an applicant's side does (CSR, CMS signatures) and PEM files for openssl. */
public final class TestKeys {

    private TestKeys() {
    }

    public static String csrPem(KeyPair pair) {
        try {
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored applicant"), pair.getPublic())
                    .build(new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(pair.getPublic().getAlgorithm()))
                            .build(pair.getPrivate()));
            return pem(csr);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSR whose signature was made by another key: no proof of possession. */
    public static String csrWithoutPossession(KeyPair claimed, KeyPair signer) {
        try {
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=thief"), claimed.getPublic())
                    .build(new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(signer.getPublic().getAlgorithm()))
                            .build(signer.getPrivate()));
            return pem(csr);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CMS SignedData over {@code data}, with a signingTime attribute; detached or encapsulated. */
    public static byte[] cms(byte[] data, PrivateKey key, X509Certificate cert, Date signingTime, boolean detached) {
        try {
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            var attrs = new org.bouncycastle.asn1.ASN1EncodableVector();
            attrs.add(new org.bouncycastle.asn1.cms.Attribute(CMSAttributes.signingTime,
                    new org.bouncycastle.asn1.DERSet(new Time(signingTime))));
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            new org.bouncycastle.asn1.cms.AttributeTable(attrs)))
                    .build(new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(cert.getPublicKey().getAlgorithm()))
                            .build(key), cert));
            g.addCertificates(new JcaCertStore(java.util.List.of(cert)));
            return g.generate(new CMSProcessableByteArray(data), !detached).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(Object o) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    public static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
