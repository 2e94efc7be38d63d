package io.flowgate.deploy;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.funqy.Funq;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The HTTP routes the production application serves, found in its compiled classes: every
 * {@code @Funq} method in {@code io.flowgate.functions} is {@code POST /<name>} (Funqy HTTP), every
 * JAX-RS resource method in {@code io.flowgate.web} is {@code <METHOD> <@Path>}. The sandbox (dev and
 * test builds only) is not scanned.
 */
final class ApplicationRoutes {

    static final String FUNCTIONS_PACKAGE = "io.flowgate.functions";
    static final String WEB_PACKAGE = "io.flowgate.web";

    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH",
            HEAD.class, "HEAD");

    private ApplicationRoutes() {
    }

    static Set<String> discover() {
        Set<String> routes = new TreeSet<>();
        funqMethods().forEach(method -> routes.add("POST /" + functionName(method)));
        for (Class<?> type : classesIn(WEB_PACKAGE)) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                HTTP_METHODS.forEach((annotation, verb) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        Path methodPath = method.getAnnotation(Path.class);
                        routes.add(verb + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
                    }
                });
            }
        }
        return routes;
    }

    static List<Method> funqMethods() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : classesIn(FUNCTIONS_PACKAGE)) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Funq.class)) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    static String functionName(Method method) {
        String name = method.getAnnotation(Funq.class).value();
        return name.isEmpty() ? method.getName() : name;
    }

    private static String join(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The classes of a package of the application's own compiled code (not the tests'). */
    static List<Class<?>> classesIn(String packageName) {
        ClassLoader loader = ApplicationRoutes.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try {
            java.nio.file.Path mainClasses = java.nio.file.Path.of(
                    FlowgateConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/classes in surefire; the application's jar in failsafe
            try (FileSystem jar = Files.isRegularFile(mainClasses) ? FileSystems.newFileSystem(mainClasses) : null;
                    Stream<java.nio.file.Path> files = Files.list(
                            (jar == null ? mainClasses : jar.getPath("/")).resolve(packageName.replace('.', '/')))) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String simpleName = file.getFileName().toString().replace(".class", "");
                    classes.add(Class.forName(packageName + "." + simpleName, false, loader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("No classes found in " + packageName);
        }
        return classes;
    }
}
