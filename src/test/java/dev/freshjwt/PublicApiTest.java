package dev.freshjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API — every public type and public or protected member of {@code dev.freshjwt}, {@code dev.freshjwt.openapi}
 * and the test kit {@code dev.freshjwt.testing}, constants with their values — as written down in
 * {@value #RECORD}. Any change to it fails this test until the record is written anew
 * ({@code mvn test -Dtest=PublicApiTest -Dfreshjwt.api.update=true}), so every change of the API shows in the diff
 * that makes it, for review and for the CHANGELOG. (Against a released version, japicmp takes over from the first
 * release on.)
 */
class PublicApiTest {

    private static final String RECORD = "src/test/api/public-api.txt";
    /** Package → the folder of compiled classes it ships from. */
    private static final Map<String, Path> PACKAGES = Map.of(
            "dev.freshjwt", Path.of("target/classes"),
            "dev.freshjwt.openapi", Path.of("target/classes"),
            "dev.freshjwt.testing", Path.of("target/testing-classes"));

    @Test
    void thePublicApiIsTheOneOnRecord() throws IOException {
        String api = describe();
        Path record = Path.of(RECORD);
        if (Boolean.getBoolean("freshjwt.api.update")) {
            Files.writeString(record, api, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(record), RECORD + " is missing: run with -Dfreshjwt.api.update=true");
        List<String> recorded = Files.readAllLines(record, StandardCharsets.UTF_8);
        List<String> now = api.lines().toList();
        List<String> removed = recorded.stream().filter(line -> !now.contains(line)).toList();
        List<String> added = now.stream().filter(line -> !recorded.contains(line)).toList();
        assertEquals(recorded, now, () -> "The public API changed. If that is meant, write the record anew"
                + " (-Dfreshjwt.api.update=true), review its diff and say it in CHANGELOG.md.\n  gone: " + removed
                + "\n  new:  " + added);
    }

    private static String describe() throws IOException {
        StringBuilder api = new StringBuilder();
        for (String pkg : new TreeSet<>(PACKAGES.keySet())) {
            Path classes = Files.isDirectory(PACKAGES.get(pkg)) ? PACKAGES.get(pkg) : Path.of("target/test-classes");
            Path folder = classes.resolve(pkg.replace('.', '/')); // the kit is compiled into test-classes too
            List<String> names;
            try (Stream<Path> files = Files.list(folder)) {
                names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                        .filter(name -> !name.equals("package-info.class"))
                        .map(name -> pkg + "." + name.substring(0, name.length() - ".class".length()))
                        .sorted().toList();
            }
            for (String name : names) {
                Class<?> type = load(name);
                if (isApi(type)) {
                    api.append(describe(type));
                }
            }
        }
        return api.toString();
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(binaryName, e);
        }
    }

    /** Public, and (when nested) public all the way out. */
    private static boolean isApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Class<?> type) {
        StringBuilder text = new StringBuilder(type.toGenericString());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            text.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0 && !type.isAnnotation()) {
            text.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ",
                    Arrays.stream(type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName).toList()));
        }
        text.append('\n');
        List<String> members = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor)) {
                members.add(constructor.toGenericString());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method) && !method.isBridge()) {
                Object defaultValue = method.getDefaultValue();
                members.add(method.toGenericString() + (defaultValue == null ? "" : " default " + value(defaultValue)));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field)) {
                members.add(field.toGenericString() + constant(field));
            }
        }
        members.stream().sorted().forEach(member -> text.append("    ").append(member).append('\n'));
        return text.toString();
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    /** A compile-time constant's value: callers compile it into their own classes. */
    private static String constant(Field field) {
        int modifiers = field.getModifiers();
        boolean constant = Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                && (field.getType().isPrimitive() || field.getType() == String.class);
        if (!constant) {
            return "";
        }
        try {
            return " = " + value(field.get(null));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(Object value) {
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(value(Array.get(value, i)));
            }
            return items.toString();
        }
        return String.valueOf(value);
    }
}
