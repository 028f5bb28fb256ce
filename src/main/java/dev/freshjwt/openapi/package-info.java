/**
 * freshjwt in OpenAPI documents: {@link dev.freshjwt.openapi.FreshJwtOpenApiFilter}, named in
 * {@code mp.openapi.filter}, documents the bearer scheme and the {@code 401} challenges of guarded operations. Needs
 * the server's MicroProfile OpenAPI (Payara Micro: built in; WildFly: {@code standalone-microprofile.xml}; Open
 * Liberty: the {@code mpOpenAPI-3.1} feature); the rest of freshjwt works without it.
 */
package dev.freshjwt.openapi;
