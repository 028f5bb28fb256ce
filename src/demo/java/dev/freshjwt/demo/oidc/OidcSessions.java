package dev.freshjwt.demo.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend's sessions, in this server's memory (a demo runs one instance; a cluster would keep them in a shared
 * store): for each browser, the logins it started (state, nonce, PKCE verifier) and the provider's tokens once it
 * signed in. The browser holds only the session's random id, in an HttpOnly cookie. Bounded: at most
 * {@value #MAX_SESSIONS} sessions, each dropped after {@link #IDLE} without use (the least recently used goes first when
 * full); at most {@value #MAX_PENDING} logins under way per session, each good for {@link #PENDING_LIFETIME}.
 */
@ApplicationScoped
public class OidcSessions {

    static final int MAX_SESSIONS = 10_000;
    static final Duration IDLE = Duration.ofMinutes(30);
    static final int MAX_PENDING = 5;
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** The session of this id, if it exists and has not been idle too long. */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.idleSince().plus(IDLE).isBefore(Instant.now())) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.touch();
        return Optional.of(session);
    }

    /** A new, empty session. */
    Session create() {
        if (sessions.size() >= MAX_SESSIONS) {
            Instant now = Instant.now();
            sessions.values().removeIf(session -> session.idleSince().plus(IDLE).isBefore(now));
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.values().stream().min(Comparator.comparing(Session::idleSince))
                        .ifPresent(oldest -> sessions.remove(oldest.id(), oldest));
            }
        }
        Session session = new Session(random(32), random(32));
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * Replaces {@code old} by a new session (new id, new CSRF value) holding {@code tokens}: at each sign-in, so that an
     * id planted in the browser before (session fixation) never becomes a signed-in one.
     */
    Session signIn(Session old, Tokens tokens) {
        sessions.remove(old.id(), old);
        Session session = create();
        session.tokens(tokens);
        return session;
    }

    void remove(Session session) {
        sessions.remove(session.id(), session);
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The provider's tokens of a signed-in session; the ID token for the nonce check and the logout. */
    record Tokens(String access, String refresh, String id) {
    }

    /** A login under way: what the callback needs to finish it. */
    record Pending(String nonce, String verifier, String redirectUri, Instant expires) {
    }

    /** One browser's session. */
    static final class Session {

        private final String id;
        private final String csrf;
        private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
        private Tokens tokens;
        private volatile Instant idleSince = Instant.now();

        private Session(String id, String csrf) {
            this.id = id;
            this.csrf = csrf;
        }

        String id() {
            return id;
        }

        /** The value state-changing calls must send in the CSRF header. */
        String csrf() {
            return csrf;
        }

        Instant idleSince() {
            return idleSince;
        }

        void touch() {
            idleSince = Instant.now();
        }

        synchronized Optional<Tokens> tokens() {
            return Optional.ofNullable(tokens);
        }

        synchronized void tokens(Tokens tokens) {
            this.tokens = tokens;
        }

        /** Remembers a login under way, under its {@code state}; the oldest goes when there are too many. */
        synchronized void startLogin(String state, Pending login) {
            Instant now = Instant.now();
            pending.values().removeIf(p -> p.expires().isBefore(now));
            while (pending.size() >= MAX_PENDING) {
                Iterator<String> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            pending.put(state, login);
        }

        /** The login under way of this {@code state}, once: a state is good for one callback. */
        synchronized Optional<Pending> finishLogin(String state) {
            Pending login = state == null ? null : pending.remove(state);
            return login == null || login.expires().isBefore(Instant.now()) ? Optional.empty() : Optional.of(login);
        }
    }
}
