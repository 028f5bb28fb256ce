package dev.freshjwt.it;

import dev.freshjwt.testing.FreshJwtAssertions;
import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the demo as a client sees it. Each subclass declares its deployment in one line
 * through {@link Deployments}; refusals are checked with the test kit's {@link FreshJwtAssertions}, as users check
 * theirs. The same classes run on every server profile.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DemoIT {

    static final String PROBLEM_BASE = FreshJwtAssertions.PROBLEM_BASE;
    static final String PROBLEM_JSON = "application/problem+json";

    @ArquillianResource
    URL base;

    DemoClient client;

    @BeforeEach
    void connect() {
        client = DemoClient.at(base);
    }
}
