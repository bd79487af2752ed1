package org.kerege.status.application.lookup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kerege.status.application.domain.AccessCode;

class PublicStatusCacheTest {

    private static final String NUMBER = "KG-2026-000123";
    private static final String CODE = "7KQ2M4XD6PLA3BZT";
    private static final byte[] HASH = AccessCode.hash(CODE);
    private static final byte[] JSON = "{\"state\":\"UNDER_REVIEW\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");
    private static final String CLIENT = "10.0.0.7";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private PublicStatusCache cache;

    @BeforeEach
    void listening() {
        cache = new PublicStatusCache(3, Duration.ofMinutes(10), nanos::get);
        cache.listening(true);
    }

    private void keep(String number) {
        assertTrue(cache.put(number, HASH, JSON, cache.generation()));
    }

    @Test
    void the_right_code_gets_the_kept_bytes_typed_in_any_case_and_with_dashes() {
        keep(NUMBER);
        assertArrayEquals(JSON, cache.answer(NUMBER, CODE, CLIENT, NOW).orElseThrow());
        assertArrayEquals(JSON, cache.answer(NUMBER, "7kq2-m4xd-6pla-3bzt", CLIENT, NOW).orElseThrow());
    }

    @Test
    void a_wrong_or_malformed_code_is_never_answered_from_memory() {
        keep(NUMBER);
        assertTrue(cache.answer(NUMBER, "AAAABBBBCCCCDDDD", CLIENT, NOW).isEmpty());
        assertTrue(cache.answer(NUMBER, "not a code", CLIENT, NOW).isEmpty());
        assertTrue(cache.answer(NUMBER, "", CLIENT, NOW).isEmpty());
        assertTrue(cache.answer("KG-2026-000124", CODE, CLIENT, NOW).isEmpty());
    }

    @Test
    void a_change_evicts_the_answer() {
        keep(NUMBER);
        cache.evict(NUMBER);
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
    }

    @Test
    void an_answer_read_while_something_changed_is_not_kept() {
        long before = cache.generation();
        cache.evict("KZ-2026-000001"); // a change arrives while the database read is under way
        assertFalse(cache.put(NUMBER, HASH, JSON, before));
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
        assertTrue(cache.put(NUMBER, HASH, JSON, cache.generation()));
    }

    @Test
    void nothing_is_kept_or_served_while_not_listening_and_listening_again_starts_empty() {
        keep(NUMBER);
        cache.listening(false);
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
        assertFalse(cache.put(NUMBER, HASH, JSON, cache.generation()));
        cache.listening(true);
        assertEquals(0, cache.size());
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
    }

    @Test
    void a_blocked_number_or_client_is_not_served_from_memory_until_the_block_ends() {
        keep(NUMBER);
        cache.block(PublicStatusCache.numberKey(NUMBER), NOW.plusSeconds(900), NOW);
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW.plusSeconds(899)).isEmpty());
        assertArrayEquals(JSON, cache.answer(NUMBER, CODE, CLIENT, NOW.plusSeconds(900)).orElseThrow());

        cache.block(PublicStatusCache.clientKey(CLIENT), NOW.plusSeconds(60), NOW);
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
        assertArrayEquals(JSON, cache.answer(NUMBER, CODE, "10.0.0.8", NOW).orElseThrow());
        cache.unblock(PublicStatusCache.clientKey(CLIENT));
        assertArrayEquals(JSON, cache.answer(NUMBER, CODE, CLIENT, NOW).orElseThrow());
    }

    @Test
    void a_block_already_over_is_ignored() {
        keep(NUMBER);
        cache.block(PublicStatusCache.numberKey(NUMBER), NOW.minusSeconds(1), NOW);
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isPresent());
    }

    @Test
    void answers_expire_after_their_time_to_live() {
        keep(NUMBER);
        nanos.addAndGet(Duration.ofMinutes(10).toNanos() + 1);
        assertTrue(cache.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    void at_most_max_entries_are_kept_and_expired_ones_make_room() {
        keep("KG-2026-000001");
        keep("KG-2026-000002");
        keep("KG-2026-000003");
        assertFalse(cache.put("KG-2026-000004", HASH, JSON, cache.generation()));
        assertEquals(3, cache.size());
        assertTrue(cache.put("KG-2026-000003", HASH, JSON, cache.generation()), "replacing a kept one is allowed");
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertTrue(cache.put("KG-2026-000004", HASH, JSON, cache.generation()));
        assertEquals(1, cache.size());
    }

    @Test
    void max_entries_zero_keeps_nothing() {
        PublicStatusCache off = new PublicStatusCache(0, Duration.ofMinutes(10), nanos::get);
        off.listening(true);
        assertFalse(off.put(NUMBER, HASH, JSON, off.generation()));
        assertTrue(off.answer(NUMBER, CODE, CLIENT, NOW).isEmpty());
    }
}
