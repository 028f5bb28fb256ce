package dev.freshjwt.internal.liberty;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.cookie.CookieSettings;
import dev.freshjwt.internal.token.MpJwtVerifier;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * On Open Liberty with token cookies on, registers {@link LibertyAuthModule} for this application (Jakarta
 * Authentication 3.0 {@code registerServerAuthModule}); nothing on other servers or with cookies off. Needs the
 * {@code appSecurity-6.0} feature (Jakarta EE 11; {@code appSecurity-5.0} on Jakarta EE 10): without it the deployment
 * fails, naming the feature. The registration ends with the application. Refers to Jakarta Authentication only through {@link Registration}, so that it loads where
 * that API is absent.
 */
public class LibertyCookieInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(LibertyCookieInitializer.class.getName());
    /** In what Open Liberty answers to {@code ServletContext.getServerInfo()}: {@code IBM WebSphere Liberty/25.0.0.11}. */
    private static final String LIBERTY = "Liberty/";
    private static final String FACTORY = "jakarta.security.auth.message.config.AuthConfigFactory";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (context.getServerInfo() == null || !context.getServerInfo().contains(LIBERTY)) {
            return;
        }
        Config config = ConfigProvider.getConfig(context.getClassLoader());
        CookieSettings cookies;
        try {
            cookies = CookieSettings.load(config);
        } catch (InvalidConfigurationException e) {
            return; // FreshJwtExtension fails the deployment with the key named
        }
        if (!cookies.cookie()) {
            return;
        }
        try {
            Class.forName(FACTORY, false, context.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new InvalidConfigurationException(FreshJwtConfig.TOKEN_LOCATION + " includes cookie: on Open Liberty,"
                    + " add <feature>appSecurity-6.0</feature> (Jakarta EE 11; appSecurity-5.0 on Jakarta EE 10) to"
                    + " server.xml (freshjwt then authenticates the application's tokens with a Jakarta Authentication"
                    + " module)");
        }
        String registration = Registration.register(
                new LibertyAuthModule(MpJwtVerifier.load(config, context.getClassLoader())), context);
        // The factory is the server's: its registration outlives the application unless removed. Left in place, a
        // redeployment of the same context root with cookies off would still be authenticated by this module, with
        // the keys and the class loader of the application that is gone.
        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                Registration.remove(registration);
            }
        });
        LOG.info("freshjwt authenticates bearer and cookie tokens of " + context.getContextPath()
                + " itself (Open Liberty, " + FreshJwtConfig.TOKEN_LOCATION + " with cookie)");
    }

    /** The one place that touches Jakarta Authentication's factory. */
    private static final class Registration {

        /** @return the registration's id */
        static String register(LibertyAuthModule module, ServletContext context) {
            return jakarta.security.auth.message.config.AuthConfigFactory.getFactory()
                    .registerServerAuthModule(module, context);
        }

        static void remove(String registration) {
            jakarta.security.auth.message.config.AuthConfigFactory.getFactory().removeRegistration(registration);
        }
    }
}
