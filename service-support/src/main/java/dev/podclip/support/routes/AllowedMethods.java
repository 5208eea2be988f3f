package dev.podclip.support.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Allow} header of a 405: the service's {@link Routes}, read from its resource classes (every JAX-RS
 * resource is a bean) on the first 405, then kept.
 */
@ApplicationScoped
public class AllowedMethods {

    @Inject
    BeanManager beans;

    private volatile Routes routes;

    /** The methods {@code path} answers, comma-separated; empty when no resource answers it. */
    public Optional<String> header(String path) {
        Set<String> allowed = routes().allowed(path);
        return allowed.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", allowed));
    }

    private Routes routes() {
        Routes current = routes;
        if (current == null) {
            Set<Class<?>> resources = new LinkedHashSet<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                    resources.add(bean.getBeanClass());
                }
            }
            current = Routes.of(resources);
            routes = current;
        }
        return current;
    }
}
