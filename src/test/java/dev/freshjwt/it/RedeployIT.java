package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjwt.testing.TestIssuer;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.testing.TestToken;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A redeployment at the same context root leaves nothing of the application before it: the demo in cookie mode is
 * undeployed, and an application of another issuer, without cookies, deployed at its context root (under another
 * archive name) accepts its issuer's tokens and refuses the demo's. (Open Liberty kept freshjwt's Jakarta Authentication
 * module, which cookie mode registers in the server's factory, after the application had ended: the next application
 * there was authenticated by it, with the keys of the one before.) The steps run in order, each deployment's URL known
 * only once it is deployed.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedeployIT {

    private static final String COOKIES = "cookies";
    private static final String OTHER_ISSUER = "other-issuer";
    private static final String CONTEXT_ROOT = "/redeployed";

    /** Another issuer, with another key than {@link Deployments#ISSUER}'s. */
    private static final TestIssuer OTHER = TestIssuer.create("https://other.freshjwt.dev", TestKeys.otherRsa());

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = COOKIES, managed = false, testable = false)
    static WebArchive cookies() {
        return atContextRoot("before.war", Deployments.demo()); // the demo's own settings: header,cookie
    }

    @Deployment(name = OTHER_ISSUER, managed = false, testable = false)
    static WebArchive otherIssuer() {
        return atContextRoot("after.war", Deployments.trusting(OTHER));
    }

    @Test
    @Order(1)
    void deployTheDemoInCookieMode() {
        deployer.deploy(COOKIES);
    }

    @Test
    @Order(2)
    void theDemoTakesItsIssuersTokensThenIsUndeployed(@ArquillianResource @OperateOnDeployment(COOKIES) URL base) {
        assertTakesOnlyTheTokensOf(Deployments.ISSUER, OTHER, base, COOKIES);
    }

    @Test
    @Order(3)
    void deployAnotherIssuersApplicationAtTheSameContextRoot() {
        deployer.deploy(OTHER_ISSUER);
    }

    @Test
    @Order(4)
    void theNewApplicationTakesOnlyItsOwnIssuersTokens(@ArquillianResource @OperateOnDeployment(OTHER_ISSUER) URL base) {
        assertTakesOnlyTheTokensOf(OTHER, Deployments.ISSUER, base, OTHER_ISSUER);
    }

    /**
     * The deployment at {@code base}, which is at {@value #CONTEXT_ROOT}, answers {@code own}'s token with 200 and
     * {@code other}'s with the {@code invalid_token} 401; then it is undeployed, whatever the answers.
     */
    private void assertTakesOnlyTheTokensOf(TestIssuer own, TestIssuer other, URL base, String deployment) {
        try {
            assertEquals(CONTEXT_ROOT, base.getPath().replaceFirst("/$", ""), base.toString());
            DemoClient client = DemoClient.at(base);
            HttpResponse<String> accepted = client.get("protected", bearer(token(own)));
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertInvalidToken(client.get("protected", bearer(token(other))));
        } finally {
            deployer.undeploy(deployment);
        }
    }

    /**
     * {@code archive} as {@code name}, served at {@value #CONTEXT_ROOT} on every server: Arquillian takes two archives of
     * one name in a test class only if they go to different servers, and the servers derive the context root from the
     * name unless their own descriptor says otherwise.
     */
    private static WebArchive atContextRoot(String name, WebArchive archive) {
        return ShrinkWrap.create(WebArchive.class, name).merge(archive)
                .addAsWebInfResource(new StringAsset("<jboss-web><context-root>" + CONTEXT_ROOT
                        + "</context-root></jboss-web>\n"), "jboss-web.xml")
                .addAsWebInfResource(new StringAsset("<web-ext xmlns=\"http://websphere.ibm.com/xml/ns/javaee\" version=\"1.1\">"
                        + "<context-root uri=\"" + CONTEXT_ROOT + "\"/></web-ext>\n"), "ibm-web-ext.xml")
                .addAsWebInfResource(new StringAsset("<glassfish-web-app><context-root>" + CONTEXT_ROOT
                        + "</context-root></glassfish-web-app>\n"), "glassfish-web.xml");
    }

    /** A fresh access token of the demo's user {@code test} (group {@code user}) from {@code issuer}. */
    private static String token(TestIssuer issuer) {
        TestToken token = issuer.accessToken("test").groups("user").authenticatedAt(Instant.now());
        return token.sign();
    }
}
