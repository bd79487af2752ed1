package org.kerege.signature.ca.domain;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Checks a PKCS#10 certification request from an applicant: it parses (PEM or DER), its signature
 * verifies with its own public key (proof of possession of the private key, which never reaches us),
 * and the key is RSA of at least 2048 bits (at most 8192) or EC on P-256. The CSR's subject is
 * ignored: the certificate's subject comes from the checked application.
 */
public final class CsrCheck {

    /** The checked key and its type. */
    public record Accepted(PublicKey publicKey, String keyType) {
    }

    private CsrCheck() {
    }

    public static Accepted check(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("csr", "is required (a PKCS#10 request, PEM or DER)");
        }
        if (body.length > 64 * 1024) {
            throw new InvalidRequestException("csr", "is too large");
        }
        PKCS10CertificationRequest csr = parse(body);
        SubjectPublicKeyInfo spki = csr.getSubjectPublicKeyInfo();
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(spki);
        } catch (Exception e) {
            throw new InvalidRequestException("csr", "the public key cannot be read");
        }
        String type;
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048 || bits > 8192) {
                throw new InvalidRequestException("csr", "RSA keys must have 2048 to 8192 bits, this one has " + bits);
            }
            type = "RSA_" + bits;
        } else if (key instanceof ECPublicKey) {
            ASN1ObjectIdentifier curve = spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid ? oid : null;
            if (!X9ObjectIdentifiers.prime256v1.equals(curve) && !SECObjectIdentifiers.secp256r1.equals(curve)) {
                throw new InvalidRequestException("csr", "EC keys must be on the named curve P-256");
            }
            type = "EC_P256";
        } else {
            throw new InvalidRequestException("csr", "only RSA (2048 bits or more) and EC P-256 keys are accepted");
        }
        boolean possession;
        try {
            possession = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) {
            possession = false;
        }
        if (!possession) {
            throw new InvalidRequestException("csr", "the request's signature does not verify with its public key "
                    + "(no proof of possession of the private key)");
        }
        return new Accepted(key, type);
    }

    private static PKCS10CertificationRequest parse(byte[] body) {
        try {
            String text = new String(body, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                try (PEMParser parser = new PEMParser(new StringReader(text))) {
                    Object o = parser.readObject();
                    if (o instanceof PKCS10CertificationRequest r) {
                        return r;
                    }
                }
                throw new InvalidRequestException("csr", "the PEM block is not a CERTIFICATE REQUEST");
            }
            return new PKCS10CertificationRequest(body);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException i) {
                throw i;
            }
            throw new InvalidRequestException("csr", "is not a PKCS#10 certification request (PEM or DER)");
        }
    }
}
