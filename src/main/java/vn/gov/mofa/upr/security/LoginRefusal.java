package vn.gov.mofa.upr.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a login attempt (HTTP Basic credentials, or the webapps' login form) from an address that
 * {@link LoginThrottle} refuses with 429, the wait in {@code Retry-After}, and why, in Vietnamese. The engine would
 * refuse the attempt anyway ({@link ThrottledPasswordCheck}); this tells the client why and when to come back.
 */
class LoginRefusal extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginRefusal(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = throttle.refusal(request.getRemoteAddr());
        if (wait.isZero() || !isLoginAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", String.valueOf(seconds));
        Refusal.send(response, 429, "Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau "
                + (seconds < 120 ? seconds + " giây" : (seconds + 59) / 60 + " phút") + ".");
    }

    private static boolean isLoginAttempt(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || "POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/");
    }
}
