// `make -s kafka-client-config PRINCIPAL=payment [FORMAT=java]`: prints a client properties file for one
// Kafka principal of the local stack, so a person can look at the topics as that application sees them.
// FORMAT=librdkafka (default: kcat -F, confluent-kafka, node-rdkafka) names the credentials
// sasl.username/sasl.password; FORMAT=java (kafka-console-consumer --consumer.config, …) puts them in
// sasl.jaas.config, the only form the Java client reads. librdkafka refuses sasl.jaas.config, so two forms.
import {
  KafkaPrincipals,
  formats,
  kafkaSettings,
  loadConfig,
  passwordOf,
  setting,
  type KafkaPrincipal,
} from '@saga/shared';

const config = loadConfig({
  kafkaBrokers: kafkaSettings.kafkaBrokers,
  kafkaSslCaLocation: kafkaSettings.kafkaSslCaLocation,
  principal: setting(
    'PRINCIPAL',
    'the principal to print',
    'admin' as KafkaPrincipal,
    formats.oneOf(...KafkaPrincipals),
  ),
  format: setting('FORMAT', 'whose property names', 'librdkafka' as const, formats.oneOf('librdkafka', 'java')),
});

export function clientProperties(): string[] {
  const { principal, format, kafkaSslCaLocation: ca } = config;
  const password = passwordOf(principal);
  const tls = ca !== '';
  const lines = [
    `bootstrap.servers=${config.kafkaBrokers.join(',')}`,
    `security.protocol=${tls ? 'SASL_SSL' : 'SASL_PLAINTEXT'}`,
    'sasl.mechanism=SCRAM-SHA-512',
  ];
  if (format === 'java') {
    lines.push(
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${principal}" password="${password}";`,
    );
    if (tls) lines.push('ssl.truststore.type=PEM', `ssl.truststore.location=${ca}`);
  } else {
    lines.push(`sasl.username=${principal}`, `sasl.password=${password}`);
    if (tls) lines.push(`ssl.ca.location=${ca}`);
  }
  return lines;
}

console.log(clientProperties().join('\n'));
