package vn.gov.mofa.upr.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The links mails carry: into Camunda Tasklist for those who work on the task, to the case page or the dashboard
 * for leaders, who follow the work but have nothing in Tasklist. The base URL is {@code upr.tasklist-base-url}.
 */
@Component
public class TasklistLinks {

    private final String baseUrl;

    public TasklistLinks(@Value("${upr.tasklist-base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String task(String taskId) {
        return tasklist() + "?task=" + taskId;
    }

    /** The recommendation's record: its current step, plan, reports and MOFA's reviews. */
    public String casePage(int cycle, String number) {
        return baseUrl + "/recommendations/" + cycle + "/" + number;
    }

    /** The progress dashboard. */
    public String dashboard() {
        return baseUrl + "/dashboard";
    }

    /** The Tasklist start page (the person's filters). */
    public String tasklist() {
        return baseUrl + "/camunda/app/tasklist/default/#/";
    }
}
