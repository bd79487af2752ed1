package org.kerege.signature.ca.domain;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** The CRL and the OCSP responder (RFC 5280, RFC 6960), both signed by the issuing CA key. */
public final class Revocations {

    private final CertificateAuthority ca;

    public Revocations(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** A DER CRL of the issuing CA: every revoked, not yet expired certificate; nextUpdate = now + validity. */
    public byte[] crl(List<RevokedEntry> revoked, long crlNumber, Instant now, Duration validity) {
        try {
            X509Certificate issuer = ca.issuingCertificate();
            X509v2CRLBuilder b = new JcaX509v2CRLBuilder(issuer.getSubjectX500Principal(), Date.from(now));
            b.setNextUpdate(Date.from(now.plus(validity)));
            for (RevokedEntry e : revoked) {
                b.addCRLEntry(e.serial(), Date.from(e.revokedAt()), e.reason().code());
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
            b.addExtension(Extension.cRLNumber, false, new ASN1Integer(crlNumber));
            return b.build(ca.issuingSigner()).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the CRL", e);
        }
    }

    /**
     * Answers an OCSP request (DER). A certificate id of another issuer is "unknown"; the request's
     * nonce is echoed; the answer is signed by the issuing CA and carries its certificate.
     *
     * @throws InvalidRequestException when the bytes are not an OCSP request
     */
    public byte[] ocsp(byte[] request, Function<BigInteger, RevocationStatus> lookup, Instant now, Duration validity) {
        OCSPReq req;
        try {
            if (request == null || request.length == 0 || request.length > 64 * 1024) {
                throw new InvalidRequestException("body", "is not an OCSP request");
            }
            req = new OCSPReq(request);
            if (req.getRequestList().length == 0 || req.getRequestList().length > 20) {
                throw new InvalidRequestException("body", "an OCSP request must ask about 1 to 20 certificates");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException i) {
                throw i;
            }
            throw new InvalidRequestException("body", "is not a DER OCSP request (RFC 6960)");
        }
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.issuingCertificate());
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(issuer.getSubjectPublicKeyInfo(),
                    digests.get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE))));
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(validity));
            for (Req r : req.getRequestList()) {
                CertificateID id = r.getCertID();
                CertificateStatus status;
                boolean ours;
                try {
                    ours = id.matchesIssuer(issuer, digests);
                } catch (OCSPException e) {
                    ours = false;
                }
                if (!ours) {
                    status = new UnknownStatus();
                } else {
                    RevocationStatus s = lookup.apply(id.getSerialNumber());
                    if (s instanceof RevocationStatus.Good) {
                        status = CertificateStatus.GOOD;
                    } else if (s instanceof RevocationStatus.Revoked rv) {
                        status = new RevokedStatus(Date.from(rv.revokedAt()), rv.reason().code());
                    } else {
                        status = new UnknownStatus();
                    }
                }
                b.addResponse(id, status, thisUpdate, nextUpdate, null);
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = b.build(ca.issuingSigner(), new X509CertificateHolder[] {issuer}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (IOException | GeneralSecurityException | OCSPException
                 | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Cannot build the OCSP response", e);
        }
    }

    /** An OCSP "malformedRequest" answer (unused by the API, which answers 400; kept for clients that need it). */
    static byte[] malformed() {
        try {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CRLReason code → our enum (unknown codes → UNSPECIFIED). */
    static RevocationReason reasonOf(int code) {
        for (RevocationReason r : RevocationReason.values()) {
            if (r.code() == code) {
                return r;
            }
        }
        return RevocationReason.UNSPECIFIED;
    }

    /** For tests: parse an OCSP response. */
    public static OCSPResp parseResponse(byte[] der) throws IOException {
        return new OCSPResp(der);
    }
}
