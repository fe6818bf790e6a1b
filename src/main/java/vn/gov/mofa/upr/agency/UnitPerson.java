package vn.gov.mofa.upr.agency;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.identity.User;

/**
 * A person of a unit as the pages show and take them: login, full name, email. Camunda keeps a name in two parts and
 * shows "first last": a Vietnamese full name is kept so that it reads in its own order there too ("Nguyễn Văn" +
 * "An").
 */
public record UnitPerson(String userId, String fullName, String email) {

    /** The engine's resource pattern, in lower case; the column is 64 characters wide. */
    private static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int LONGEST_NAME = 200;
    private static final int LONGEST_EMAIL = 254;

    static UnitPerson of(User user) {
        return new UnitPerson(user.getId(), FullNames.of(user), user.getEmail());
    }

    void writeTo(User user) {
        String name = fullName.strip().replaceAll("\\s+", " ");
        int space = name.lastIndexOf(' ');
        user.setFirstName(space < 0 ? name : name.substring(0, space));
        user.setLastName(space < 0 ? "" : name.substring(space + 1));
        user.setEmail(email.strip());
    }

    /** What is wrong with the person's fields, in Vietnamese, or null. */
    String problem() {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            return "Tên đăng nhập '" + (userId == null ? "" : userId) + "' không hợp lệ: 1-64 ký tự gồm chữ thường không dấu,"
                    + " chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ hoặc số (ví dụ nguyen.van.an).";
        }
        if (fullName == null || fullName.isBlank()) {
            return "Thiếu họ tên của người dùng " + userId + ".";
        }
        if (fullName.strip().length() > LONGEST_NAME) {
            return "Họ tên của người dùng " + userId + " dài quá " + LONGEST_NAME + " ký tự.";
        }
        if (email == null || email.isBlank()) {
            return "Thiếu email của người dùng " + userId + " (để nhận thư nhắc việc).";
        }
        if (email.strip().length() > LONGEST_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            return "Email '" + email.strip() + "' của người dùng " + userId + " không hợp lệ (ví dụ an.nv@bocongan.gov.vn).";
        }
        return null;
    }
}
