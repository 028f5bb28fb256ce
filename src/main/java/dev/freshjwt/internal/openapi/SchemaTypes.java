package dev.freshjwt.internal.openapi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Sets a schema's {@code type} through whichever method the server's MicroProfile OpenAPI offers: 3.x has
 * {@code type(SchemaType)}, 4.x (WildFly 38) replaced it with {@code addType(SchemaType)} and a list. Compiled against
 * 3.1, a direct call would fail with {@code NoSuchMethodError} on 4.x.
 */
final class SchemaTypes {

    private static final Method SET_TYPE = find();

    private SchemaTypes() {
    }

    static Schema typed(Schema schema, SchemaType type) {
        try {
            SET_TYPE.invoke(schema, type);
            return schema;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Method find() {
        for (String name : new String[] {"addType", "type"}) {
            try {
                return Schema.class.getMethod(name, SchemaType.class);
            } catch (NoSuchMethodException e) {
                // the other version's method
            }
        }
        throw new IllegalStateException("MicroProfile OpenAPI's Schema has neither addType(SchemaType) nor type(SchemaType)");
    }
}
