package org.kerege.signature.sms;

/**
 * Sends an SMS straight to the gateway — never through the outbox or Kafka, since the text holds a
 * one-time code. Implementations must not log the text.
 */
public interface SmsGateway {

    /** @throws SmsFailedException when the gateway did not accept the message */
    void send(String e164, String text);

    /** The gateway refused or could not be reached. */
    class SmsFailedException extends RuntimeException {
        public SmsFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
