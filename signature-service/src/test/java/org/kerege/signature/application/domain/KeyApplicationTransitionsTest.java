package org.kerege.signature.application.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyApplicationTransitionsTest {

    /** The expected table, written by hand from issue 8 (submitted → phone-verified → fee-invoiced → paid → identity-checked → issued). */
    static final Map<String, KeyApplicationStatus> EXPECTED = new HashMap<>();

    static {
        EXPECTED.put("SUBMITTED/VERIFY_PHONE", KeyApplicationStatus.PHONE_VERIFIED);
        EXPECTED.put("PHONE_VERIFIED/INVOICE_FEE", KeyApplicationStatus.FEE_INVOICED);
        EXPECTED.put("FEE_INVOICED/RECORD_PAYMENT", KeyApplicationStatus.PAID);
        EXPECTED.put("PAID/APPROVE_IDENTITY", KeyApplicationStatus.IDENTITY_CHECKED);
        EXPECTED.put("PHONE_VERIFIED/REJECT_IDENTITY", KeyApplicationStatus.REJECTED);
        EXPECTED.put("FEE_INVOICED/REJECT_IDENTITY", KeyApplicationStatus.REJECTED);
        EXPECTED.put("PAID/REJECT_IDENTITY", KeyApplicationStatus.REJECTED);
        EXPECTED.put("IDENTITY_CHECKED/ISSUE", KeyApplicationStatus.ISSUED);
    }

    @Test
    void every_status_and_action_pair_is_allowed_exactly_as_the_table_says() {
        int allowed = 0;
        for (KeyApplicationStatus from : KeyApplicationStatus.values()) {
            for (KeyApplicationAction action : KeyApplicationAction.values()) {
                KeyApplicationStatus expected = EXPECTED.get(from + "/" + action);
                KeyApplication a = new KeyApplication();
                a.status = from;
                if (expected == null) {
                    IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> a.apply(action),
                            from + " " + action);
                    assertEquals(from, e.from());
                    assertEquals(from, a.status, "a refused action changes nothing");
                } else {
                    a.apply(action);
                    assertEquals(expected, a.status, from + " " + action);
                    allowed++;
                }
            }
        }
        assertEquals(EXPECTED.size(), allowed);
    }

    @Test
    void only_issuance_emits_an_event_and_it_is_certificate_issued() {
        for (KeyApplicationTransitions.Transition t : KeyApplicationTransitions.ALL) {
            if (t.action() == KeyApplicationAction.ISSUE) {
                assertEquals("certificate-issued", t.event());
            } else {
                assertNull(t.event(), t.toString());
            }
        }
    }

    @Test
    void issued_and_rejected_are_final_and_have_no_way_out() {
        for (KeyApplicationTransitions.Transition t : KeyApplicationTransitions.ALL) {
            assertTrue(!t.from().isFinal(), t.toString());
        }
    }
}
