package vn.gov.mofa.upr.workflow;

/**
 * How a recommendation's tasks are named in Tasklist: the step, then the number ({@code Lập kế hoạch thực hiện — KN
 * 143.1}), and for work MOFA returned a last word that the agencies' filter "Bị trả lại" looks for.
 */
public final class TaskNames {

    public static final String NUMBER = " — KN ";
    public static final String RETURNED = " — trả lại";

    private TaskNames() {
    }

    public static boolean named(String name) {
        return name.contains(NUMBER);
    }

    public static String of(String step, String number, boolean returned) {
        return step + NUMBER + number + (returned ? RETURNED : "");
    }
}
