package org.kerege.appointments.booking.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kerege.appointments.AppointmentsConfig;
import org.kerege.appointments.booking.api.BookingViews.BookingView;
import org.kerege.appointments.booking.api.BookingViews.CreateBookingRequest;
import org.kerege.appointments.booking.domain.Booking;
import org.kerege.appointments.booking.domain.BookingAction;
import org.kerege.appointments.booking.domain.BookingQuota;
import org.kerege.appointments.booking.domain.BookingStatus;
import org.kerege.appointments.booking.domain.CheckInRule;
import org.kerege.appointments.booking.domain.ShortCode;
import org.kerege.appointments.booking.persistence.BookingStore;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.idempotency.IdempotentAnswer;
import org.kerege.appointments.office.api.BookingProblems;
import org.kerege.appointments.office.api.Offices;
import org.kerege.appointments.office.domain.Office;
import org.kerege.appointments.office.domain.Offering;
import org.kerege.appointments.office.domain.ServiceSettings;
import org.kerege.appointments.office.domain.Slot;
import org.kerege.appointments.office.domain.SlotGenerator;
import org.kerege.appointments.queue.api.TicketCommands;
import org.kerege.appointments.queue.domain.Ticket;
import org.kerege.appointments.queue.domain.TicketKind;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.events.appointments.AppointmentBookedV1;
import org.kerege.platform.events.appointments.AppointmentCancelledV1;
import org.kerege.platform.events.appointments.AppointmentCheckedInV1;
import org.kerege.platform.problem.ProblemException;

/**
 * The booking use cases, one transaction each. A place is taken by a conditional UPDATE of the slot's
 * capacity row (see {@link BookingStore}): the database, not this JVM, guarantees that no slot is ever
 * booked beyond its capacity, whatever the number of instances.
 */
@ApplicationScoped
public class BookingCommands {

    static final String CREATE = "create-booking";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Offices offices;
    private final BookingStore store;
    private final IdempotencyStore idempotency;
    private final TicketCommands tickets;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final AppointmentsConfig config;

    public BookingCommands(Offices offices, BookingStore store, IdempotencyStore idempotency, TicketCommands tickets,
                           Outbox outbox, ObjectMapper json, Clock clock, AppointmentsConfig config) {
        this.offices = offices;
        this.store = store;
        this.idempotency = idempotency;
        this.tickets = tickets;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public IdempotentAnswer create(CreateBookingRequest request, String personId, String bookedBy, String callerKey,
                          String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.Replay> earlier = idempotency.claim(callerKey, CREATE, idempotencyKey,
                    canonical(request, personId));
            if (earlier.isPresent()) {
                return IdempotentAnswer.replayOf(earlier.get());
            }
        }
        Office office = offices.require(request.officeId());
        Instant now = clock.instant();
        Instant startsAt = request.startsAt().toInstant();
        Slot slot = bookableSlot(office, request.serviceCode(), startsAt, now);

        store.lockPerson(personId, request.serviceCode());
        store.releaseOwnStaleHold(personId, request.serviceCode(), now);
        quota(office.settings(request.serviceCode())).ifPresent(quota -> {
            if (!quota.allowsAnother(store.countInWindow(personId, request.serviceCode(), quota.windowStart(now)))) {
                throw ProblemException.ruleViolated("booking-quota-exceeded", "Booking limit reached",
                        "At most " + quota.maxBookings() + " booking(s) of this service per person in "
                                + quota.windowDays() + " days.");
            }
        });
        if (!store.takePlace(office.id(), request.serviceCode(), startsAt, slot.capacity(), now)) {
            throw slotFull();
        }
        Booking booking = null;
        for (int attempt = 0; attempt < 5 && booking == null; attempt++) {
            Booking candidate = new Booking(UUID.randomUUID(), ShortCode.generate(), office.id(), office.zone(),
                    request.serviceCode(), startsAt, slot.endsAt().toInstant(), personId, request.applicationRef(),
                    BookingStatus.HELD, now.plus(config.booking().hold()), bookedBy, now, null, null, null, 0);
            if (store.insert(candidate)) {
                booking = candidate;
            } else if (store.hasActive(personId, request.serviceCode())) {
                throw ProblemException.conflict("active-booking-exists", "An active booking exists",
                        "The person already has an active booking of this service; cancel or reschedule it instead.");
            }
        }
        if (booking == null) {
            throw new IllegalStateException("No free short code after 5 attempts");
        }
        String body = write(BookingView.of(booking));
        if (idempotencyKey != null) {
            idempotency.complete(callerKey, CREATE, idempotencyKey, 201, body, booking.id());
        }
        return IdempotentAnswer.fresh(201, body, booking.id());
    }

    @Transactional
    public Booking confirm(UUID id, Access access) {
        Booking b = requireForUpdate(id, access);
        BookingAction.CONFIRM.apply(b.status());
        Instant now = clock.instant();
        if (!b.holdExpiresAt().isAfter(now)) {
            throw ProblemException.conflict("hold-expired", "The hold has expired",
                    "The place was held until " + b.holdExpiresAt() + "; it is back on sale. Book again.");
        }
        store.confirm(id, now);
        outbox.publish(new AppointmentBookedV1(id.toString(), b.officeId(), b.serviceCode(), b.startsAt(), b.endsAt(),
                b.applicationRef(), null, now));
        return store.find(id, false).orElseThrow();
    }

    @Transactional
    public Booking cancel(UUID id, Access access) {
        Booking b = requireForUpdate(id, access);
        BookingAction.CANCEL.apply(b.status());
        Instant now = clock.instant();
        store.releasePlace(b.officeId(), b.serviceCode(), b.startsAt());
        store.close(id, BookingStatus.CANCELLED, now);
        if (b.status() == BookingStatus.CONFIRMED) {
            outbox.publish(new AppointmentCancelledV1(id.toString(), b.officeId(), b.serviceCode(), b.startsAt(),
                    b.applicationRef(), access.staff() ? "STAFF" : "PERSON", now));
        }
        return store.find(id, false).orElseThrow();
    }

    @Transactional
    public Booking reschedule(UUID id, Instant newStart, Access access) {
        Booking b = requireForUpdate(id, access);
        BookingAction.RESCHEDULE.apply(b.status());
        if (newStart.equals(b.startsAt())) {
            return b;
        }
        Office office = offices.require(b.officeId());
        Instant now = clock.instant();
        Slot slot = bookableSlot(office, b.serviceCode(), newStart, now);
        store.lockSlots(b.officeId(), b.serviceCode(), List.of(b.startsAt(), newStart), Map.of(newStart, slot.capacity()));
        if (!store.takePlace(b.officeId(), b.serviceCode(), newStart, slot.capacity(), now)) {
            throw slotFull();
        }
        store.releasePlace(b.officeId(), b.serviceCode(), b.startsAt());
        store.move(id, newStart, slot.endsAt().toInstant());
        if (b.status() == BookingStatus.CONFIRMED) {
            outbox.publish(new AppointmentBookedV1(id.toString(), b.officeId(), b.serviceCode(), newStart,
                    slot.endsAt().toInstant(), b.applicationRef(), b.startsAt(), now));
        }
        return store.find(id, false).orElseThrow();
    }

    /** Check-in at the office: the booking becomes a ticket on the hall's queue. */
    @Transactional
    public Ticket checkIn(Booking found, boolean priority, String officerOffice) {
        Booking b = store.find(found.id(), true).orElseThrow();
        if (officerOffice != null && !officerOffice.equals(b.officeId())) {
            throw new ProblemException(403, "forbidden", "Forbidden", "The booking is for another office.");
        }
        BookingAction.CHECK_IN.apply(b.status());
        Instant now = clock.instant();
        CheckInRule rule = new CheckInRule(config.checkIn().early(), config.checkIn().grace());
        switch (rule.judge(b.startsAt(), now)) {
            case TOO_EARLY -> throw ProblemException.ruleViolated("check-in-too-early", "Too early to check in",
                    "Check-in opens " + config.checkIn().early().toMinutes() + " minutes before the appointment at "
                            + b.startsAt().atZone(b.zone()).toOffsetDateTime() + ".");
            case TOO_LATE -> throw ProblemException.ruleViolated("check-in-too-late", "Too late to check in",
                    "The appointment at " + b.startsAt().atZone(b.zone()).toOffsetDateTime() + " allowed "
                            + config.checkIn().grace().toMinutes() + " minutes of delay; take a walk-in ticket or book again.");
            case ON_TIME -> {
            }
        }
        Office office = offices.require(b.officeId());
        Ticket ticket = tickets.issueInTransaction(office, b.serviceCode(), TicketKind.BOOKED, priority, b.id(),
                b.startsAt(), now);
        store.checkIn(b.id(), ticket.id(), now);
        outbox.publish(new AppointmentCheckedInV1(b.id().toString(), b.officeId(), b.serviceCode(), ticket.id().toString(),
                ticket.number(), b.applicationRef(), now));
        return ticket;
    }

    @Transactional
    public Booking view(UUID id, Access access) {
        Booking b = store.find(id, false).orElseThrow(() -> ProblemException.notFound("Booking", id.toString()));
        access.check(b);
        return b;
    }

    @Transactional
    public Optional<Booking> byCode(String code) {
        return store.findByCode(code, false);
    }

    /**
     * Who may act on a booking: its person, or staff (officer of its office, partner, admin, service).
     *
     * @param subject       the caller's subject
     * @param staff         whether the caller acts for others
     * @param officerOffice the officer's office, or null when the caller is not an officer
     */
    public record Access(String subject, boolean staff, String officerOffice) {
        void check(Booking b) {
            if (officerOffice != null && !officerOffice.equals(b.officeId())) {
                throw ProblemException.notFound("Booking", b.id().toString());
            }
            if (!staff && !b.personId().equals(subject)) {
                throw ProblemException.notFound("Booking", b.id().toString());
            }
        }
    }

    private Booking requireForUpdate(UUID id, Access access) {
        Booking b = store.find(id, true).orElseThrow(() -> ProblemException.notFound("Booking", id.toString()));
        access.check(b);
        return b;
    }

    /** The slot at {@code startsAt}, if the service may be booked there now; otherwise the matching problem. */
    private Slot bookableSlot(Office office, String serviceCode, Instant startsAt, Instant now) {
        offices.requireOffers(office, serviceCode);
        LocalDate date = startsAt.atZone(office.zone()).toLocalDate();
        Offering offering = offices.offering(office, serviceCode, date);
        if (!offering.policy().allowsOnlineBooking()) {
            throw BookingProblems.onlineBookingNotOffered(office.id(), serviceCode);
        }
        if (!startsAt.isAfter(now)) {
            throw ProblemException.ruleViolated("slot-in-the-past", "The slot has begun",
                    "Slots that have begun or passed cannot be booked.");
        }
        if (date.isAfter(now.atZone(office.zone()).toLocalDate().plusDays(config.booking().horizonDays()))) {
            throw ProblemException.ruleViolated("beyond-booking-horizon", "Too far ahead",
                    "Slots can be booked at most " + config.booking().horizonDays() + " days ahead.");
        }
        Slot slot = SlotGenerator.slotAt(office, startsAt, offering.slotLength(), offering.bookablePerSlot(),
                offices.holidays(office)).orElseThrow(() -> ProblemException.ruleViolated("not-a-slot", "No such slot",
                "The office has no " + offering.slotLength().toMinutes() + "-minute slot of this service starting at "
                        + startsAt.atZone(office.zone()).toOffsetDateTime()
                        + " (closed, a break, a holiday, or not on the slot grid)."));
        if (slot.capacity() == 0) {
            throw slotFull();
        }
        return slot;
    }

    private Optional<BookingQuota> quota(ServiceSettings settings) {
        if (settings.quotaMaxBookings() != null) {
            return Optional.of(new BookingQuota(settings.quotaMaxBookings(), settings.quotaWindowDays()));
        }
        if (config.booking().defaultQuotaMaxBookings() > 0) {
            return Optional.of(new BookingQuota(config.booking().defaultQuotaMaxBookings(),
                    config.booking().defaultQuotaWindowDays()));
        }
        return Optional.empty();
    }

    static ProblemException slotFull() {
        return ProblemException.conflict("slot-full", "The slot is fully booked",
                "No place is left in this slot; choose another one from the slot listing.");
    }

    static String canonical(CreateBookingRequest r, String personId) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("applicationRef", r.applicationRef());
        canonical.put("officeId", r.officeId());
        canonical.put("personId", personId);
        canonical.put("serviceCode", r.serviceCode());
        canonical.put("startsAt", r.startsAt().toInstant().toString());
        try {
            return CANONICAL.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
