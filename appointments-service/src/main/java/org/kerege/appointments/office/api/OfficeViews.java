package org.kerege.appointments.office.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.appointments.catalog.domain.BookingPolicy;
import org.kerege.appointments.office.domain.Closure;
import org.kerege.appointments.office.domain.Counter;
import org.kerege.appointments.office.domain.DayHours;
import org.kerege.appointments.office.domain.Office;
import org.kerege.appointments.office.domain.ServiceSettings;
import org.kerege.appointments.office.domain.TimeRange;

/** The office API's documents (also the JSON shape of {@code office.hours} in the database). */
public final class OfficeViews {

    private OfficeViews() {
    }

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    @Schema(name = "Break")
    public record BreakView(
            @NotNull(message = "is required") @Pattern(regexp = TIME, message = "must be HH:mm") @Schema(example = "13:00") String from,
            @NotNull(message = "is required") @Pattern(regexp = TIME, message = "must be HH:mm") @Schema(example = "14:30") String to) {
    }

    @Schema(name = "DayHours", description = "Opening hours of one weekday, office-local wall-clock times.")
    public record DayHoursView(
            @NotNull(message = "is required") @Schema(example = "MONDAY") DayOfWeek day,
            @NotNull(message = "is required") @Pattern(regexp = TIME, message = "must be HH:mm") @Schema(example = "09:00") String opens,
            @NotNull(message = "is required") @Pattern(regexp = TIME, message = "must be HH:mm") @Schema(example = "18:30") String closes,
            @Size(max = 10, message = "at most 10 breaks") List<@Valid @NotNull(message = "must not be null") BreakView> breaks) {

        static DayHoursView of(DayHours h) {
            return new DayHoursView(h.day(), h.opens().toString(), h.closes().toString(),
                    h.breaks().stream().map(b -> new BreakView(b.from().toString(), b.to().toString())).toList());
        }

        DayHours toDomain() {
            return new DayHours(day, LocalTime.parse(opens), LocalTime.parse(closes), breaks == null ? List.of()
                    : breaks.stream().map(b -> new TimeRange(LocalTime.parse(b.from()), LocalTime.parse(b.to()))).toList());
        }
    }

    @Schema(name = "Counter")
    public record CounterView(
            @Schema(example = "11") String code,
            @Schema(example = "Building 1, floor 2, hall B (elderly, disabled, pregnant)") String location,
            @Schema(description = "Serves the priority groups (elderly, disabled, pregnant) first") boolean priority,
            @Schema(example = "[\"mn.passport.new\", \"mn.passport.reissue\", \"mn.passport.extension\"]") List<String> services) {

        static CounterView of(Counter c) {
            return new CounterView(c.code(), c.location(), c.priority(), c.services());
        }
    }

    @Schema(name = "CounterRequest")
    public record CounterRequest(
            @Size(max = 200, message = "at most 200 characters") @Schema(example = "Hall 1") String location,
            boolean priority,
            @NotEmpty(message = "at least one service") @Size(max = 50, message = "at most 50 services")
            List<@NotBlank(message = "must not be blank") @Pattern(regexp = "[a-z0-9.-]{1,100}", message = "a service code such as kg.passport.id-card") String> services) {
    }

    @Schema(name = "OfficeCounter")
    public record OfficeCounterRequest(
            @NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "1-16 letters, digits or -") @Schema(example = "5") String code,
            @Size(max = 200, message = "at most 200 characters") String location,
            boolean priority,
            @NotEmpty(message = "at least one service") @Size(max = 50, message = "at most 50 services")
            List<@NotBlank(message = "must not be blank") @Pattern(regexp = "[a-z0-9.-]{1,100}", message = "a service code such as kg.passport.id-card") String> services) {

        Counter toDomain() {
            return new Counter(code, location, priority, services);
        }
    }

    @Schema(name = "ServiceSettings", description = "How the office offers one service.")
    public record ServiceSettingsView(
            @NotNull(message = "is required") @Pattern(regexp = "[a-z0-9.-]{1,100}", message = "a service code such as kg.passport.id-card")
            @Schema(example = "kg.passport.id-card") String serviceCode,
            @Schema(description = "The office's own booking policy; absent: the catalog's") BookingPolicy bookingPolicy,
            @Min(value = 0, message = "must be 0-100") @Max(value = 100, message = "must be 0-100")
            @Schema(description = "Share of each slot's counters kept for walk-ins (published)", example = "25") int walkInSharePercent,
            @Min(value = 5, message = "must be 5-480") @Max(value = 480, message = "must be 5-480") @Schema(example = "20") Integer slotMinutes,
            @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "at most 1000")
            @Schema(description = "At most this many bookings per person ...", example = "1") Integer quotaMaxBookings,
            @Min(value = 1, message = "must be at least 1") @Max(value = 366, message = "at most 366")
            @Schema(description = "... in this many days, rolling (Kazakhstan: one per 10 days)", example = "10") Integer quotaWindowDays,
            @Size(max = 1000, message = "at most 1000 characters") String source) {

        static ServiceSettingsView of(ServiceSettings s) {
            return new ServiceSettingsView(s.serviceCode(), s.policyOverride(), s.walkInSharePercent(), s.slotMinutes(),
                    s.quotaMaxBookings(), s.quotaWindowDays(), s.source());
        }

        ServiceSettings toDomain() {
            return new ServiceSettings(serviceCode, bookingPolicy, walkInSharePercent, slotMinutes, quotaMaxBookings,
                    quotaWindowDays, source);
        }
    }

    @Schema(name = "Closure")
    public record ClosureView(Long id, @Schema(example = "2026-12-16") LocalDate from, @Schema(example = "2026-12-17") LocalDate to,
                              @Schema(example = "Renovation of the hall") String reason) {
        static ClosureView of(Closure c) {
            return new ClosureView(c.id(), c.from(), c.to(), c.reason());
        }
    }

    @Schema(name = "ClosureRequest")
    public record ClosureRequest(
            @NotNull(message = "is required") @Schema(example = "2026-12-16") LocalDate from,
            @NotNull(message = "is required") @Schema(example = "2026-12-17") LocalDate to,
            @NotBlank(message = "is required") @Size(max = 500, message = "at most 500 characters")
            @Schema(example = "Renovation of the hall") String reason) {
    }

    @Schema(name = "OfficeSummary")
    public record OfficeSummary(@Schema(example = "kz-mp-almaty") String id, String nameEn, String kind,
                                @Schema(example = "KZ") String country, @Schema(example = "Asia/Almaty") String zone,
                                String address) {
        static OfficeSummary of(Office o) {
            return new OfficeSummary(o.id(), o.nameEn(), o.kind(), o.country(), o.zone().getId(), o.address());
        }
    }

    @Schema(name = "Office")
    public record OfficeView(
            @Schema(example = "mn-ub-passport") String id,
            String nameEn, String nameLocal,
            @Schema(example = "PASSPORT_OFFICE") String kind,
            @Schema(description = "Whose public holidays close the office", example = "MN") String country,
            @Schema(example = "Asia/Ulaanbaatar") String zone,
            String address,
            List<DayHoursView> hours,
            List<CounterView> counters,
            List<ServiceSettingsView> services,
            List<ClosureView> closures,
            @Schema(description = "Where the office, its address and hours come from") String legalSource) {

        static OfficeView of(Office o) {
            return new OfficeView(o.id(), o.nameEn(), o.nameLocal(), o.kind(), o.country(), o.zone().getId(), o.address(),
                    o.hours().stream().map(DayHoursView::of).toList(), o.counters().stream().map(CounterView::of).toList(),
                    o.services().stream().map(ServiceSettingsView::of).toList(),
                    o.closures().stream().map(ClosureView::of).toList(), o.legalSource());
        }
    }

    @Schema(name = "OfficeRequest", description = "The whole office (closures are managed on their own).")
    public record OfficeRequest(
            @NotBlank(message = "is required") @Size(max = 300, message = "at most 300 characters")
            @Schema(example = "Population Service Centre No. 1 (Bishkek)") String nameEn,
            @Size(max = 300, message = "at most 300 characters") String nameLocal,
            @NotNull(message = "is required") @Pattern(regexp = "POPULATION_SERVICE_CENTRE|MIGRATION_POLICE_UNIT|PASSPORT_OFFICE|CONSULATE|PUBLIC_SERVICES_CENTRE|OTHER",
                    message = "one of POPULATION_SERVICE_CENTRE, MIGRATION_POLICE_UNIT, PASSPORT_OFFICE, CONSULATE, PUBLIC_SERVICES_CENTRE, OTHER")
            @Schema(example = "POPULATION_SERVICE_CENTRE") String kind,
            @NotNull(message = "is required") @Pattern(regexp = "KG|KZ|MN|UZ", message = "one of KG, KZ, MN, UZ")
            @Schema(example = "KG") String country,
            @NotNull(message = "is required") @Size(max = 64, message = "at most 64 characters")
            @Schema(example = "Asia/Bishkek") String zone,
            @Size(max = 500, message = "at most 500 characters") String address,
            @NotNull(message = "is required") @Size(max = 7, message = "at most 7 days")
            List<@Valid @NotNull(message = "must not be null") DayHoursView> hours,
            @Size(max = 200, message = "at most 200 counters") List<@Valid @NotNull(message = "must not be null") OfficeCounterRequest> counters,
            @Size(max = 200, message = "at most 200 services") List<@Valid @NotNull(message = "must not be null") ServiceSettingsView> services,
            @NotBlank(message = "is required") @Size(max = 2000, message = "at most 2000 characters") String legalSource) {

        static ZoneId zoneOf(String zone) {
            try {
                return ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw org.kerege.platform.problem.ProblemException.invalidField("zone", "not an IANA time zone id");
            }
        }
    }
}
