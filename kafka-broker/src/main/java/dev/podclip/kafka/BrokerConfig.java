package dev.podclip.kafka;

/** The broker's server.properties: one KRaft node that is both broker and controller, on loopback only. */
final class BrokerConfig {

    private BrokerConfig() {
    }

    static String render(LocalKafkaBroker.Options options) {
        String broker = "127.0.0.1:" + options.brokerPort();
        String controller = "127.0.0.1:" + options.controllerPort();
        StringBuilder listeners = new StringBuilder("PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        StringBuilder advertised = new StringBuilder("PLAINTEXT://" + broker);
        StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        for (LocalKafkaBroker.Listener extra : options.extraListeners()) {
            listeners.append(',').append(extra.name()).append("://127.0.0.1:").append(extra.port());
            advertised.append(',').append(extra.name()).append("://127.0.0.1:").append(extra.advertisedPort());
            protocols.append(',').append(extra.name()).append(":PLAINTEXT");
        }
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=" + listeners,
                "advertised.listeners=" + advertised,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=" + protocols,
                "log.dirs=" + options.dataDir().resolve("logs"),
                "num.partitions=" + options.defaultPartitions(),
                // Topics are created by the services that own them, with their configs (compaction, sizes).
                "auto.create.topics.enable=false",
                // A single node: every internal topic has one replica.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=8",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Consumer groups form at once instead of waiting 3 s for more members.
                "group.initial.rebalance.delay.ms=0",
                // A broker killed with -9 comes back under a new incarnation; the controller refuses its registration
                // until the old session expires. 9 s by default made a killed broker ready after 13.3 s; with 2 s it
                // is ready in about the time of a clean restart (fault suite, BENCHMARKS.md "Faults").
                "broker.session.timeout.ms=2000",
                "broker.heartbeat.interval.ms=500",
                // The KIP-848 consumer group protocol (clip.events.group-protocol=consumer), tuned like the classic
                // one: a silent member is dropped after 6 s, members heartbeat every second.
                "group.consumer.min.session.timeout.ms=6000",
                "group.consumer.session.timeout.ms=6000",
                "group.consumer.min.heartbeat.interval.ms=1000",
                "group.consumer.heartbeat.interval.ms=1000",
                // Compaction runs soon enough for tests to observe it; harmless for the local stack.
                "log.cleaner.backoff.ms=1000",
                "num.network.threads=2",
                "num.io.threads=4",
                "") + "\n";
    }
}
