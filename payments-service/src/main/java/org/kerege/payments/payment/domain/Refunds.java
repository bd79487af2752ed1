package org.kerege.payments.payment.domain;

/** How much of a payment may still be refunded. */
public final class Refunds {

    private Refunds() {
    }

    /**
     * The amount of a new refund.
     *
     * @param paidMinor      what the bank paid
     * @param refundedMinor  refunded so far
     * @param requestedMinor the amount asked for, or null for everything not yet refunded
     * @throws IllegalArgumentException when nothing is left, or the request is not positive or exceeds what is left
     */
    public static long amount(long paidMinor, long refundedMinor, Long requestedMinor) {
        long left = paidMinor - refundedMinor;
        if (left <= 0) {
            throw new IllegalArgumentException("the payment is already fully refunded");
        }
        if (requestedMinor == null) {
            return left;
        }
        if (requestedMinor <= 0) {
            throw new IllegalArgumentException("a refund must be positive");
        }
        if (requestedMinor > left) {
            throw new IllegalArgumentException("at most " + left + " minor units are left to refund");
        }
        return requestedMinor;
    }
}
