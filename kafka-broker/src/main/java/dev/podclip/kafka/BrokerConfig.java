package dev.podclip.kafka;

/** The broker's server.properties: one KRaft node that is both broker and controller, on loopback only. */
final class BrokerConfig {

    private BrokerConfig() {
    }

    static String render(LocalKafkaBroker.Options options) {
        String broker = "127.0.0.1:" + options.brokerPort();
        String controller = "127.0.0.1:" + options.controllerPort();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + broker,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
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
                // Compaction runs soon enough for tests to observe it; harmless for the local stack.
                "log.cleaner.backoff.ms=1000",
                "num.network.threads=2",
                "num.io.threads=4",
                "") + "\n";
    }
}
