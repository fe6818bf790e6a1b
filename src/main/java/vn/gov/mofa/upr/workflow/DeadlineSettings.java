package vn.gov.mofa.upr.workflow;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When plans and reports are due and when people are reminded, from {@code upr.deadlines}.
 * Reminders go out at {@code reminderHour} local time; a task is due, and escalated, at {@code dueHour}
 * of its due date (end of the working day in Hà Nội); the zone is {@code upr.zone} ({@link EngineClock}).
 */
@ConfigurationProperties("upr.deadlines")
public record DeadlineSettings(int planDueDays, int contributionLeadDays, int firstReminderDaysBefore,
        int secondReminderDaysBefore, Period overdueRepeat, int reminderHour, int dueHour) {
}
