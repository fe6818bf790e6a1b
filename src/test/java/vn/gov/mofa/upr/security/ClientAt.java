package vn.gov.mofa.upr.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client that connects from one loopback address of its own (127.x.y.z all reach this machine), so that a test
 * plays one client among many and the application's per-address limits do not touch the other tests (127.0.0.1).
 * Speaks HTTP/1.0: one request per connection, no chunked answers.
 */
record ClientAt(String address, int port) {

    record Answer(int status, List<String> headers, String body) {

        String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }

        /** name=value of each Set-Cookie. */
        Map<String, String> cookies() {
            Map<String, String> cookies = new LinkedHashMap<>();
            headers.stream().filter(h -> h.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                    .map(h -> h.substring(11).trim().split(";", 2)[0].split("=", 2))
                    .forEach(c -> cookies.put(c[0], c[1]));
            return cookies;
        }
    }

    /** A webapp session as a browser keeps it: its cookies (a login renews them), among them the CSRF token. */
    static final class Session {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        String cookieHeader() {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            return header.toString();
        }
    }

    Answer basic(String method, String path, String user, String password, String json) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, path, headers, json);
    }

    Answer basic(String path, String user, String password) throws IOException {
        return basic("GET", path, user, password, null);
    }

    /** Opens a page to get a session and its CSRF token, as a browser does before the login form. */
    Session openSession() throws IOException {
        Session session = new Session();
        session.cookies.putAll(send("GET", "/camunda/app/tasklist/default/", Map.of(), null).cookies());
        return session;
    }

    /** The webapps' login form (Tasklist). */
    Answer webappLogin(Session session, String user, String password) throws IOException {
        return webappLogin(session, "tasklist", user, password);
    }

    /** The login form of a webapp; once logged in, its page, which hands out the new session's CSRF token. */
    Answer webappLogin(Session session, String app, String user, String password) throws IOException {
        Answer login = inSession(session, "POST", "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + password);
        if (login.status() == 200) {
            inSession(session, "GET", "/camunda/app/" + app + "/default/", null, null);
        }
        return login;
    }

    Answer inSession(Session session, String method, String path, String contentType, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", session.cookieHeader());
        headers.put("X-XSRF-TOKEN", session.cookies.get("XSRF-TOKEN"));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        Answer answer = send(method, path, headers, body);
        session.cookies.putAll(answer.cookies());
        return answer;
    }

    Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            List<String> lines = new ArrayList<>(List.of(answer.substring(0, end).split("\r\n")));
            int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
            return new Answer(status, lines, answer.substring(end + 4));
        }
    }
}
