package vn.gov.mofa.upr.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Authenticates the application's own pages and {@code /api}: either the Camunda webapp login session (one
 * login for Tasklist, Cockpit and these pages) or HTTP Basic against the engine's users. The endpoints act for
 * the application, not as the user inside the engine, and check what the user may do through {@link CurrentUser}.
 * Session-authenticated changes must carry the page's CSRF token in {@value #CSRF_HEADER}.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String CSRF_HEADER = "X-UPR-CSRF";
    static final String CSRF_REFUSAL = "Thiếu hoặc sai mã CSRF: hãy tải lại trang rồi thao tác lại.";
    static final String CSRF_SESSION_ATTRIBUTE = "UPR_CSRF_TOKEN";
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ENGINE = "default";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;

    public ApiAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentUser user = fromSession(request);
        boolean viaSession = user != null;
        if (user == null) {
            user = fromBasic(request, identity);
        }
        if (user == null) {
            refuse(request, response);
            return;
        }
        if (viaSession && !SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
            Refusal.send(response, HttpServletResponse.SC_FORBIDDEN, CSRF_REFUSAL);
            return;
        }
        request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, user);
        chain.doFilter(request, response);
    }

    /** The token a page embeds and sends back with changes (same session only). */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(CSRF_SESSION_ATTRIBUTE, token);
        }
        return token;
    }

    static boolean csrfTokenMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        String given = request.getHeader(CSRF_HEADER);
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The user logged in to the Camunda webapps in this browser session, or null. */
    public static CurrentUser fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null
                || !(authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication auth)) {
            return null;
        }
        return new CurrentUser(auth.getIdentityId(), List.copyOf(auth.getGroupIds()));
    }

    /** The user whose HTTP Basic credentials came with the request (through the throttled password check), or null. */
    static CurrentUser fromBasic(HttpServletRequest request, IdentityService identity) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String userId = decoded.substring(0, colon);
        if (!identity.checkPassword(userId, decoded.substring(colon + 1))) {
            return null;
        }
        return new CurrentUser(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }

    /**
     * A 401 for {@code /api}, without a {@code WWW-Authenticate} challenge: a browser would ask for a password, keep it
     * and send it with every later request, including those a page of another site makes it send. Pages lead to the
     * login.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Refusal.send(response, HttpServletResponse.SC_UNAUTHORIZED, Refusal.LOGIN_REQUIRED);
        } else {
            response.sendRedirect(request.getContextPath() + "/camunda/app/welcome/default/#!/login");
        }
    }
}
