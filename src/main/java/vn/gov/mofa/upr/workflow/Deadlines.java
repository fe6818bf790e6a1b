package vn.gov.mofa.upr.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Due dates and timer moments for the BPMN ({@code ${deadlines...}} expressions). Dates arrive as the
 * forms and the REST API write them, {@code dd/MM/yyyy} or {@code yyyy-MM-dd}, or as the engine keeps them (a
 * {@link Date}); moments are computed in the zone {@code upr.zone} and handed to the engine with their offset.
 */
@Component("deadlines")
public class Deadlines {

    public static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Which reminder a timer stands for; set on the boundary event by an execution listener. */
    public enum Reminder { FIRST, SECOND }

    private final DeadlineSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    public Deadlines(DeadlineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** A date as a variable or a task holds it: a moment (the engine's due dates) is the day it falls on here. */
    public LocalDate dateOf(Object value) {
        return value instanceof Date date ? LocalDate.ofInstant(date.toInstant(), zone) : parse(value);
    }

    /** A date as a form or the REST API writes it. */
    public static LocalDate parse(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = value == null ? "" : value.toString().trim();
        try {
            return text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Ngày không hợp lệ: '" + text + "' (định dạng dd/MM/yyyy)", e);
        }
    }

    public static String format(LocalDate date) {
        return date == null ? "" : date.format(VIETNAMESE_DATE);
    }

    /** Days from today to {@code due}; negative when it has passed. */
    public long daysLeft(LocalDate due) {
        return ChronoUnit.DAYS.between(LocalDate.now(clock), due);
    }

    public OffsetDateTime dueMoment(Object dueDate) {
        return at(dateOf(dueDate), settings.dueHour());
    }

    /** The task's due date for the engine (Tasklist shows and sorts by it). */
    public Date dueAt(Object dueDate) {
        return Date.from(dueMoment(dueDate).toInstant());
    }

    public OffsetDateTime reminderMoment(Object dueDate, Reminder reminder) {
        int daysBefore = reminder == Reminder.FIRST ? settings.firstReminderDaysBefore() : settings.secondReminderDaysBefore();
        return at(dateOf(dueDate).minusDays(daysBefore), settings.reminderHour());
    }

    public String reminderAt(Object dueDate, String reminder) {
        return reminderMoment(dueDate, Reminder.valueOf(reminder)).toString();
    }

    /** Overdue escalation: at the due moment, then again every {@code overdueRepeat} while the task is open. */
    public String overdueCycle(Object dueDate) {
        return "R/" + dueMoment(dueDate) + "/" + settings.overdueRepeat();
    }

    public String contributionDueDate(Object agencyDeadline) {
        return dateOf(agencyDeadline).minusDays(settings.contributionLeadDays()).toString();
    }

    /** An imported recommendation's plan is due {@code planDueDays} after today, unless its file says otherwise. */
    public LocalDate defaultPlanDueDate() {
        return LocalDate.now(clock).plusDays(settings.planDueDays());
    }

    private OffsetDateTime at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(zone).toOffsetDateTime();
    }
}
