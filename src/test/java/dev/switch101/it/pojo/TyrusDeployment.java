package dev.switch101.it.pojo;

import java.util.List;
import java.util.Set;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import dev.switch101.it.pojo.endpoints.CloseLogPojo;
import dev.switch101.it.pojo.endpoints.ClosingPojo;
import dev.switch101.it.pojo.endpoints.EchoPojo;
import dev.switch101.it.pojo.endpoints.ErrorsPojo;
import dev.switch101.it.pojo.endpoints.LimitedPojo;
import dev.switch101.it.pojo.endpoints.PartsPojo;
import dev.switch101.it.pojo.endpoints.PointsPojo;
import dev.switch101.it.pojo.endpoints.RoomsPojo;
import dev.switch101.it.pojo.endpoints.StreamsPojo;
import dev.switch101.jakarta.pojo.PojoEndpoints;

/**
 * Deploys the annotated endpoints of {@code endpoints} on Tyrus as programmatic endpoints whose
 * instances are {@link PojoEndpoints#endpointFor} wrappers: Tyrus supplies the real
 * {@code Session}, our model does everything annotation-related.
 */
public class TyrusDeployment implements ServerApplicationConfig {

    static final List<Class<?>> ENDPOINTS = List.of(EchoPojo.class, RoomsPojo.class, PartsPojo.class,
            PointsPojo.class, ErrorsPojo.class, ClosingPojo.class, CloseLogPojo.class, LimitedPojo.class,
            StreamsPojo.class);

    /**
     * The endpoint class Tyrus is told about: Tyrus takes a config as programmatic only when its
     * class extends {@code Endpoint}; the instances are the {@code endpointFor} wrappers.
     */
    public abstract static class Adapter extends Endpoint {
    }

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.copyOf(ENDPOINTS.stream().map(TyrusDeployment::programmatic).toList());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of(); // Tyrus' own annotated-endpoint support stays out of the way
    }

    /** The config our model builds for {@code pojo}, deployed with instances made by {@code endpointFor}. */
    static ServerEndpointConfig programmatic(Class<?> pojo) {
        ServerEndpointConfig model;
        try {
            model = PojoEndpoints.configFor(pojo);
        } catch (DeploymentException invalid) {
            throw new IllegalStateException(invalid);
        }
        return ServerEndpointConfig.Builder.create(Adapter.class, model.getPath())
                .subprotocols(model.getSubprotocols())
                .decoders(model.getDecoders())
                .encoders(model.getEncoders())
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
                        try {
                            Object instance = model.getConfigurator().getEndpointInstance(pojo);
                            return (T) PojoEndpoints.endpointFor(model, instance);
                        } catch (RuntimeException failed) {
                            throw (InstantiationException) new InstantiationException(failed.toString()).initCause(failed);
                        }
                    }
                })
                .build();
    }
}
