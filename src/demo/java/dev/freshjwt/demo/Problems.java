package dev.freshjwt.demo;

import jakarta.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The demo's own RFC 9457 problem responses (bad request bodies, wrong passwords). */
final class Problems {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASE = "https://freshjwt.dev/problems/";

    private Problems() {
    }

    static Response badRequest(String detail) {
        return of(Response.Status.BAD_REQUEST.getStatusCode(), BASE + "bad-request", "Bad request", detail).build();
    }

    static Response invalidCredentials() {
        return of(Response.Status.UNAUTHORIZED.getStatusCode(), BASE + "invalid-credentials", "Invalid credentials",
                "The username or password is wrong")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response.ResponseBuilder of(int status, String type, String title, String detail) {
        String body = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString();
        return Response.status(status).type(PROBLEM_JSON).entity(body);
    }
}
