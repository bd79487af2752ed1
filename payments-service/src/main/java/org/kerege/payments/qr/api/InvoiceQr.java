package org.kerege.payments.qr.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.kerege.payments.PaymentsConfig;
import org.kerege.payments.fee.persistence.Fees;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.qr.domain.EmvQr;
import org.kerege.payments.qr.domain.QrMerchant;

/** The EMV QR payload of invoices, with the merchant fields configured per fee country. */
@ApplicationScoped
public class InvoiceQr {

    private final PaymentsConfig config;
    private final Fees fees;

    public InvoiceQr(PaymentsConfig config, Fees fees) {
        this.config = config;
        this.fees = fees;
    }

    public QrMerchant merchant(String country) {
        PaymentsConfig.Qr qr = config.qr();
        PaymentsConfig.Merchant m = qr.merchants().get(country);
        return new QrMerchant(qr.gui(), qr.accountTag(), country, m == null ? qr.defaultName() : m.name(),
                m == null ? qr.defaultCity() : m.city(), qr.mcc());
    }

    /** The payload of an invoice (its total, currency and payment code). */
    public String payload(Invoice invoice) {
        String country = fees.schedules().periods(invoice.feeCode()).get(0).country();
        return EmvQr.encode(invoice.paymentCode(), invoice.total().minor(), invoice.total().currency(), merchant(country));
    }

    /** Reads a payload of our scheme. @throws org.kerege.payments.qr.domain.EmvQrException when it is not one */
    public EmvQr.Payload decode(String payload) {
        return EmvQr.decode(payload, config.qr().gui());
    }
}
