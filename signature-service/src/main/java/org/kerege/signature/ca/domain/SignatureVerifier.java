package org.kerege.signature.ca.domain;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Verifies a CMS/PKCS#7 signature (attached, or detached with its data) against this CA: the
 * signature over the data, the signer's certificate chained to our issuing and root CA, validity at
 * the signing time (the signed {@code signingTime} attribute, else now), and revocation, which is
 * checked unless the caller explicitly turns it off. A revocation status that cannot be determined
 * makes the answer "not valid" — never silently valid.
 */
public final class SignatureVerifier {

    /** One signer's result. */
    public record SignerResult(boolean valid, List<String> problems, String serial, String holderName,
                               String pinfl, String tin, String organisation, Instant signingTime,
                               Instant notBefore, Instant notAfter, String revocation) {
    }

    /** The whole answer: valid only when there is at least one signer and every signer is valid. */
    public record Result(boolean valid, boolean revocationChecked, List<SignerResult> signers, List<String> problems) {
    }

    private final CertificateAuthority ca;

    public SignatureVerifier(CertificateAuthority ca) {
        this.ca = ca;
    }

    /**
     * @param cms              DER of the CMS SignedData
     * @param detachedData     the signed data when the signature is detached, else null
     * @param checkRevocation  true unless the caller explicitly asked not to
     * @param lookup           revocation status by serial; may throw when the status cannot be determined
     * @throws InvalidRequestException when the bytes are not a CMS SignedData
     */
    public Result verify(byte[] cms, byte[] detachedData, boolean checkRevocation,
                         Function<BigInteger, RevocationStatus> lookup, Instant now) {
        CMSSignedData signed;
        try {
            signed = detachedData == null ? new CMSSignedData(cms)
                    : new CMSSignedData(new CMSProcessableByteArray(detachedData), cms);
        } catch (Exception e) {
            throw new InvalidRequestException("signature", "is not a CMS/PKCS#7 SignedData (DER, base64)");
        }
        List<String> problems = new ArrayList<>();
        if (signed.getSignedContent() == null) {
            return new Result(false, checkRevocation, List.of(),
                    List.of("the signature is detached and no data was sent with it"));
        }
        List<SignerResult> results = new ArrayList<>();
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            problems.add("the CMS structure has no signer");
        }
        for (SignerInformation signer : signers) {
            results.add(verifySigner(signed, signer, checkRevocation, lookup, now));
        }
        if (!checkRevocation) {
            problems.add("revocation was not checked (checkRevocation=false): the answer says nothing about revocation");
        }
        boolean valid = !results.isEmpty() && results.stream().allMatch(SignerResult::valid);
        return new Result(valid, checkRevocation, results, problems);
    }

    @SuppressWarnings("unchecked")
    private SignerResult verifySigner(CMSSignedData signed, SignerInformation signer, boolean checkRevocation,
                                      Function<BigInteger, RevocationStatus> lookup, Instant now) {
        List<String> problems = new ArrayList<>();
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            problems.add("the signer's certificate is not included in the signature");
            return new SignerResult(false, problems, null, null, null, null, null, null, null, null, null);
        }
        X509CertificateHolder cert = matches.iterator().next();
        Instant signingTime = signingTime(signer);
        Instant at = signingTime != null ? signingTime : now;
        X500Name subject = cert.getSubject();
        String serial = CertificateAuthority.hex(cert.getSerialNumber());
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
                problems.add("the signature does not match the signed data");
            }
        } catch (Exception e) {
            problems.add("the signature does not match the signed data");
        }
        try {
            X509CertificateHolder issuing = new JcaX509CertificateHolder(ca.issuingCertificate());
            X509CertificateHolder root = new JcaX509CertificateHolder(ca.rootCertificate());
            boolean chained = cert.getIssuer().equals(issuing.getSubject())
                    && cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.issuingCertificate()))
                    && issuing.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.rootCertificate()));
            if (!chained) {
                problems.add("the signer's certificate does not chain to the Kerege root CA");
            } else if (!issuing.isValidOn(Date.from(at)) || !root.isValidOn(Date.from(at))) {
                problems.add("a CA certificate of the chain was not valid at the signing time");
            }
        } catch (Exception e) {
            problems.add("the signer's certificate does not chain to the Kerege root CA");
        }
        if (!cert.isValidOn(Date.from(at))) {
            problems.add("the signer's certificate was not valid at " + (signingTime != null ? "the signing time " : "")
                    + at);
        }
        if (signingTime != null && signingTime.isAfter(now.plusSeconds(300))) {
            problems.add("the signing time lies in the future");
        }
        String revocation = "NOT_CHECKED";
        if (checkRevocation) {
            RevocationStatus status;
            try {
                status = lookup.apply(cert.getSerialNumber());
            } catch (RuntimeException e) {
                status = null;
            }
            if (status instanceof RevocationStatus.Good) {
                revocation = "GOOD";
            } else if (status instanceof RevocationStatus.Revoked r) {
                revocation = "REVOKED";
                boolean beforeRevocation = signingTime != null && signingTime.isBefore(r.revokedAt())
                        && r.reason() != RevocationReason.KEY_COMPROMISE;
                if (!beforeRevocation) {
                    problems.add("the signer's certificate was revoked at " + r.revokedAt() + " (" + r.reason() + ")");
                }
            } else {
                revocation = "UNDETERMINED";
                problems.add("the revocation status of the signer's certificate cannot be determined");
            }
        }
        return new SignerResult(problems.isEmpty(), problems, serial, rdn(subject, BCStyle.CN),
                rdn(subject, CertificateAuthority.PINFL), rdn(subject, CertificateAuthority.TIN), rdn(subject, BCStyle.O),
                signingTime, cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), revocation);
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attrs = signer.getSignedAttributes();
        if (attrs == null) {
            return null;
        }
        Attribute a = attrs.get(CMSAttributes.signingTime);
        if (a == null || a.getAttrValues().size() == 0) {
            return null;
        }
        try {
            return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String rdn(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        return v instanceof ASN1String s ? s.getString() : v.toString();
    }

    /** For callers holding a JCA certificate. */
    public static String pinflOf(X509Certificate cert) {
        return rdn(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()), CertificateAuthority.PINFL);
    }
}
