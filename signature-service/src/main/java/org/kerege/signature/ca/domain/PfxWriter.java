package org.kerege.signature.ca.domain;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes the one {@code .pfx} (PKCS#12) handed over in the service-centre flow: the key bag and the
 * certificate bags encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), integrity by a PKCS#12
 * HMAC-SHA256 MAC, all under the applicant's password. Nothing is kept: the caller streams the bytes
 * out and forgets the key.
 */
public final class PfxWriter {

    /** PBKDF2 iterations for the encryption (as OpenSSL 3 and the JDK use by default). */
    public static final int ITERATIONS = 10_000;

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private PfxWriter() {
    }

    /** PBES2: PBKDF2 with HMAC-SHA256 and a fresh random salt, AES-256-CBC with a fresh IV. */
    private static OutputEncryptor encryptor(char[] password) throws org.bouncycastle.operator.OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS)
                .setProvider(BC) // SunJCE maps the AES-256-CBC OID to NoPadding; BC pads (PKCS#7) as PKCS#12 needs
                .build(password);
    }

    public static byte[] write(String friendlyName, PrivateKey key, X509Certificate leaf, List<X509Certificate> chain,
                               char[] password) {
        try {
            // One encryptor per encrypted part, each with its own salt and IV (as openssl and keytool do): the same
            // key and IV on the certificates and on the private key would let equal leading blocks show.
            OutputEncryptor certEncryptor = encryptor(password);
            OutputEncryptor keyEncryptor = encryptor(password);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            var keyId = ext.createSubjectKeyIdentifier(leaf.getPublicKey());

            PKCS12SafeBagBuilder leafBag = new JcaPKCS12SafeBagBuilder(leaf);
            leafBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
            leafBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            PKCS12SafeBag[] certBags = new PKCS12SafeBag[1 + chain.size()];
            certBags[0] = leafBag.build();
            for (int i = 0; i < chain.size(); i++) {
                certBags[i + 1] = new JcaPKCS12SafeBagBuilder(chain.get(i)).build();
            }
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, keyEncryptor);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(certEncryptor, certBags);
            pfx.addData(keyBag.build());
            PKCS12PfxPdu pdu = pfx.build(new BcPKCS12MacCalculatorBuilder(new org.bouncycastle.crypto.digests.SHA256Digest(),
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE)).setIterationCount(ITERATIONS),
                    password);
            return pdu.getEncoded();
        } catch (IOException | java.security.GeneralSecurityException | org.bouncycastle.pkcs.PKCSException
                 | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Cannot write the PKCS#12 file", e);
        }
    }
}
