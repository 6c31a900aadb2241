package dev.opateams.compat;

import static dev.opateams.compat.Severity.BREAKING;
import static dev.opateams.compat.Severity.COMPATIBLE;
import static dev.opateams.compat.Severity.WARNING;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javassist.CtBehavior;

/**
 * Compares the public and protected Java API of two sets of jars with japicmp, and reports what
 * stops existing callers or implementations from compiling or linking.
 *
 * <p>A change that japicmp rates as binary or source incompatible is breaking, with one
 * exception: a method added to an interface is a warning. Callers are not affected, and the
 * generated interfaces are implemented by Feign on the client side. Only hand-written
 * implementations, such as server implementations of the JAX-RS interfaces or test doubles, must
 * add the method. Treating it as breaking would fail every new operation.
 *
 * <p>Classes that the jars reference but do not contain (Jackson, Feign, Jakarta) are not needed:
 * missing classes are ignored, so changes inherited from them are not seen.
 */
public final class JavaApiComparator {

    /**
     * Compares two sets of jars as one API each.
     *
     * @param baselineJars the jars built from the baseline, in any order
     * @param currentJars the jars built from the current sources
     * @return breaking changes and warnings per member, and one compatible change per added class
     * @throws IllegalArgumentException if a list is empty or a jar does not exist
     */
    public List<Change> compare(List<Path> baselineJars, List<Path> currentJars) {
        List<JApiCmpArchive> baseline = archives("baselineJars", baselineJars, "1");
        List<JApiCmpArchive> current = archives("currentJars", currentJars, "2");

        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setAccessModifier(AccessModifier.PROTECTED);
        options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
        List<JApiClass> classes = new JarArchiveComparator(options).compare(baseline, current);

        List<Change> changes = new ArrayList<>();
        classes.stream().sorted(Comparator.comparing(JApiClass::getFullyQualifiedName))
                .forEach(type -> classify(type, changes));
        return changes;
    }

    private static void classify(JApiClass type, List<Change> changes) {
        String className = type.getFullyQualifiedName();
        if (type.getChangeStatus() == JApiChangeStatus.NEW) {
            changes.add(new Change(Change.Layer.JAVA, COMPATIBLE, "java-class-added", className, "new class"));
            return;
        }
        add(changes, className, type.getCompatibilityChanges());
        if (type.getChangeStatus() == JApiChangeStatus.REMOVED) {
            return; // one entry for the class, not one per member
        }
        for (JApiMethod method : type.getMethods()) {
            String name = method.getOldMethod().or(method::getNewMethod).map(CtBehavior::getLongName)
                    .orElse(className + "." + method.getName());
            add(changes, name, method.getCompatibilityChanges());
        }
        for (JApiConstructor constructor : type.getConstructors()) {
            String name = constructor.getOldConstructor().or(constructor::getNewConstructor)
                    .map(CtBehavior::getLongName).orElse(className + ".<init>");
            add(changes, name, constructor.getCompatibilityChanges());
        }
        for (JApiField field : type.getFields()) {
            add(changes, className + "." + field.getName(), field.getCompatibilityChanges());
        }
    }

    private static void add(List<Change> changes, String location, List<JApiCompatibilityChange> found) {
        for (JApiCompatibilityChange change : found) {
            if (change.isBinaryCompatible() && change.isSourceCompatible()) {
                continue;
            }
            JApiCompatibilityChangeType type = change.getType();
            Severity severity = type == JApiCompatibilityChangeType.METHOD_ADDED_TO_INTERFACE ? WARNING : BREAKING;
            changes.add(new Change(Change.Layer.JAVA, severity,
                    "java-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-'), location, reason(change)));
        }
    }

    private static String reason(JApiCompatibilityChange change) {
        return switch (change.getType()) {
            case CLASS_REMOVED -> "class removed: code that uses it no longer compiles or links";
            case METHOD_REMOVED -> "method removed or its signature changed: callers fail with NoSuchMethodError"
                    + " and no longer compile";
            case METHOD_RETURN_TYPE_CHANGED -> "return type changed: callers fail with NoSuchMethodError";
            case METHOD_ADDED_TO_INTERFACE -> "method added to an interface: hand-written implementations,"
                    + " such as server implementations and test doubles, must add it";
            case CONSTRUCTOR_REMOVED -> "constructor removed or its signature changed: callers no longer compile";
            case FIELD_REMOVED -> "field or enum constant removed: code that uses it no longer compiles or links";
            case FIELD_TYPE_CHANGED -> "field type changed: code that uses it fails with NoSuchFieldError";
            default -> "japicmp " + change.getType() + ": binary compatible " + change.isBinaryCompatible()
                    + ", source compatible " + change.isSourceCompatible();
        };
    }

    /** The version strings only label the archives for japicmp, which expects numbers. */
    private static List<JApiCmpArchive> archives(String name, List<Path> jars, String version) {
        Objects.requireNonNull(jars, name);
        if (jars.isEmpty()) {
            throw new IllegalArgumentException(name + " must name at least one jar");
        }
        List<JApiCmpArchive> archives = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(name + " contains " + jar + ", which is not a file");
            }
            archives.add(new JApiCmpArchive(jar.toFile(), version));
        }
        return archives;
    }
}
