package org.kerege.payments.qr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.emv.qrcode.decoder.mpm.DecoderMpm;
import com.emv.qrcode.model.mpm.MerchantPresentedMode;
import com.emv.qrcode.validators.Crc16Validate;
import com.emv.qrcode.validators.MerchantPresentedModeValidate;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmvQrTest {

    static final QrMerchant MN = new QrMerchant("org.kerege", "26", "MN", "KEREGE MN STATE FEES", "ULAANBAATAR", "9399");
    static final Currency MNT = Currency.getInstance("MNT");
    /** A valid payment code (check character by hand: values 0..7 with weights 20,17,16,26,19,27,9,3 sum to 413 ≡ 10 mod 31, 31-10 = 21 = Q). */
    static final String CODE = "23456789Q";

    @Nested
    class Crc {
        @Test
        void crc16_ccitt_false_check_value_of_123456789_is_29B1() {
            assertEquals(0x29B1, Crc16.of("123456789".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("29B1", Crc16.hex("123456789"));
        }

        @Test
        void crc_of_nothing_is_the_initial_value() {
            assertEquals(0xFFFF, Crc16.of(new byte[0]));
        }
    }

    @Nested
    class Encoding {
        @Test
        void the_mongolian_three_year_extension_payload_has_every_field_in_order() {
            String payload = EmvQr.encode(CODE, 850000, MNT, MN);
            String withoutCrc = "000201" + "010212"
                    + "2627" + "0010org.kerege" + "0109" + CODE
                    + "52049399" + "5303496" + "54078500.00" + "5802MN"
                    + "5920KEREGE MN STATE FEES" + "6011ULAANBAATAR"
                    + "6213" + "0109" + CODE
                    + "6304";
            assertEquals(withoutCrc, payload.substring(0, payload.length() - 4));
            assertTrue(payload.substring(payload.length() - 4).matches("[0-9A-F]{4}"));
        }

        @Test
        void the_crc_covers_everything_including_6304_as_an_independent_validator_agrees() {
            String payload = EmvQr.encode(CODE, 850000, MNT, MN);
            assertTrue(Crc16Validate.validate(payload).isValid());
            String tampered = payload.replace("8500.00", "8400.00");
            assertFalse(Crc16Validate.validate(tampered).isValid());
        }

        @Test
        void amounts_use_the_currency_decimals() {
            assertTrue(EmvQr.encode(CODE, 1, Currency.getInstance("KGS"), MN).contains("54040.01"));
            assertTrue(EmvQr.encode(CODE, 1234, Currency.getInstance("JPY"), MN).contains("54041234"));
            assertTrue(EmvQr.encode(CODE, 100000, Currency.getInstance("RUB"), MN).contains("53036435407" + "1000.00"));
        }

        @Test
        void a_zero_amount_has_no_qr() {
            assertThrows(IllegalArgumentException.class, () -> EmvQr.encode(CODE, 0, MNT, MN));
        }

        @Test
        void merchant_name_and_city_are_limited_to_25_and_15_ascii_characters() {
            assertThrows(IllegalArgumentException.class,
                    () -> new QrMerchant("org.kerege", "26", "MN", "X".repeat(26), "UB", "9399"));
            assertThrows(IllegalArgumentException.class,
                    () -> new QrMerchant("org.kerege", "26", "MN", "KEREGE", "C".repeat(16), "9399"));
            assertThrows(IllegalArgumentException.class,
                    () -> new QrMerchant("org.kerege", "26", "MN", "ОӨУБЕГ", "UB", "9399"));
            assertThrows(IllegalArgumentException.class,
                    () -> new QrMerchant("org.kerege", "25", "MN", "KEREGE", "UB", "9399"));
        }
    }

    @Nested
    class IndependentParser {
        @Test
        void mvallim_emv_qrcode_reads_every_field_back() throws Exception {
            String payload = EmvQr.encode(CODE, 850000, MNT, MN);
            MerchantPresentedMode m = DecoderMpm.decode(payload, MerchantPresentedMode.class);
            assertEquals("01", m.getPayloadFormatIndicator().getValue());
            assertEquals("12", m.getPointOfInitiationMethod().getValue());
            assertEquals("9399", m.getMerchantCategoryCode().getValue());
            assertEquals("496", m.getTransactionCurrency().getValue());
            assertEquals("8500.00", m.getTransactionAmount().getValue());
            assertEquals("MN", m.getCountryCode().getValue());
            assertEquals("KEREGE MN STATE FEES", m.getMerchantName().getValue());
            assertEquals("ULAANBAATAR", m.getMerchantCity().getValue());
            assertEquals(CODE, m.getAdditionalDataField().getValue().getBillNumber().getValue());
            assertTrue(m.getMerchantAccountInformation().containsKey("26"));
            assertTrue(m.getMerchantAccountInformation().get("26").toString().contains("0010org.kerege0109" + CODE));
            assertEquals(payload.substring(payload.length() - 4), m.getCRC().getValue());
            assertEquals(payload, m.toString());
        }

        @Test
        void mvallim_validator_accepts_the_payload() throws Exception {
            String payload = EmvQr.encode(CODE, 32500_00, MNT, MN);
            MerchantPresentedMode m = DecoderMpm.decode(payload, MerchantPresentedMode.class);
            var result = MerchantPresentedModeValidate.validate(m);
            assertTrue(result.isValid(), () -> result.getErrors().toString());
        }
    }

    @Nested
    class Decoding {
        @Test
        void our_decoder_reads_our_payload() {
            EmvQr.Payload p = EmvQr.decode(EmvQr.encode(CODE, 850000, MNT, MN), "org.kerege");
            assertEquals(CODE, p.paymentCode());
            assertEquals(CODE, p.billNumber());
            assertEquals(850000, p.amountMinor());
            assertEquals(MNT, p.currency());
            assertEquals(MN, p.merchant());
            assertTrue(p.dynamic());
        }

        @Test
        void a_changed_amount_with_the_old_crc_is_a_checksum_error() {
            String payload = EmvQr.encode(CODE, 850000, MNT, MN).replace("8500.00", "0850.00");
            EmvQrException e = assertThrows(EmvQrException.class, () -> EmvQr.decode(payload, "org.kerege"));
            assertTrue(e.checksum());
        }

        @Test
        void a_lower_case_crc_is_accepted_and_a_missing_crc_is_malformed() {
            String payload = EmvQr.encode(CODE, 850000, MNT, MN);
            String lower = payload.substring(0, payload.length() - 4) + payload.substring(payload.length() - 4).toLowerCase();
            assertEquals(CODE, EmvQr.decode(lower, "org.kerege").paymentCode());
            EmvQrException e = assertThrows(EmvQrException.class,
                    () -> EmvQr.decode(payload.substring(0, payload.length() - 8), "org.kerege"));
            assertFalse(e.checksum());
        }

        @Test
        void another_schemes_qr_has_no_payment_code_of_ours() {
            String payload = EmvQr.encode(CODE, 850000, MNT,
                    new QrMerchant("com.example.pay", "27", "MN", "SHOP", "UB", "5411"));
            assertThrows(EmvQrException.class, () -> EmvQr.decode(payload, "org.kerege"));
        }

        @Test
        void garbage_and_truncated_fields_are_malformed_not_crashes() {
            for (String bad : new String[] {"hello", "0002", "000201010212", "00020101021299", "6304", "ü"}) {
                EmvQrException e = assertThrows(EmvQrException.class, () -> EmvQr.decode(bad, "org.kerege"), bad);
                assertFalse(e.checksum(), bad);
            }
        }

        @Test
        void a_repeated_field_is_refused() {
            String body = "000201000201";
            String payload = body + "6304" + Crc16.hex(body + "6304");
            assertThrows(EmvQrException.class, () -> EmvQr.decode(payload, "org.kerege"));
        }
    }
}
