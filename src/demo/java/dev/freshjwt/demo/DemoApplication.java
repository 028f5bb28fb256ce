package dev.freshjwt.demo;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Turns MicroProfile JWT on. {@code @ApplicationScoped} matters: Payara finds {@code @LoginConfig} only on a
 * CDI bean, and silently ignores tokens otherwise.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(DemoUsers.ROLE)
public class DemoApplication extends Application {
}
