package org.kerege.payments.qr.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * CRC-16/CCITT-FALSE, the checksum of EMV QR tag 63: polynomial 0x1021, initial value 0xFFFF, no
 * reflection, no final XOR. Check value: {@code "123456789"} → {@code 29B1}.
 */
public final class Crc16 {

    private Crc16() {
    }

    public static int of(byte[] data) {
        int crc = 0xFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return crc;
    }

    /** The CRC of a text's UTF-8 bytes as four upper-case hex digits. */
    public static String hex(String text) {
        return String.format(Locale.ROOT, "%04X", of(text.getBytes(StandardCharsets.UTF_8)));
    }
}
