package vn.gov.mofa.upr.security;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** For administrators only: who was delayed or refused at login lately ({@link LoginEvents}). */
@RestController
class LoginEventController {

    static final int SHOWN = 200;

    private final LoginEvents events;

    LoginEventController(LoginEvents events) {
        this.events = events;
    }

    @GetMapping("/api/login-events")
    List<LoginEvents.Event> latest(HttpServletRequest request) {
        CurrentUser.administrator(request, "Chỉ quản trị hệ thống được xem nhật ký đăng nhập");
        return events.latest(SHOWN);
    }
}
