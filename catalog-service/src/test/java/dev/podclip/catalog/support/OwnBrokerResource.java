package dev.podclip.catalog.support;

import dev.podclip.kafka.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A broker of this test alone, which it may stop and start again (same ports, same data) to simulate an outage. */
public class OwnBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalKafkaBroker broker;

    public static LocalKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("OwnBrokerResource has not started");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Options.temporary());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
