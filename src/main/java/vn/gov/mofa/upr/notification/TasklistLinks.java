package vn.gov.mofa.upr.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Direct links into Camunda Tasklist for mails; the base URL is {@code upr.tasklist-base-url}. */
@Component
public class TasklistLinks {

    private final String baseUrl;

    public TasklistLinks(@Value("${upr.tasklist-base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String task(String taskId) {
        return tasklist() + "?task=" + taskId;
    }

    /** The Tasklist start page (the person's filters). */
    public String tasklist() {
        return baseUrl + "/camunda/app/tasklist/default/#/";
    }
}
