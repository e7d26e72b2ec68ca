// Apache Avro's own Java reader, outside this code base: proves that what the services write is plain
// Confluent-framed Avro that any Avro implementation reads through the registry. Reads a topic from the
// beginning to its current end, takes each record's writer schema id from the wire-format header,
// fetches that schema from the registry's Confluent-compatible API and resolves it to the reader schema
// given as .avsc files, with GenericDatumReader(writer, reader): Avro's schema resolution, not ours.
//
//   java -cp 'infra/.stack/dist/avro-reader/libs/*' infra/avro-reader/AvroReader.java \
//     --bootstrap 127.0.0.1:9092 --registry http://127.0.0.1:8081/apis/ccompat/v7 --topic order.events \
//     [--key <record key>] [--partition P --offset O] [--named shared/schemas/common/X.avsc ...] \
//     --reader shared/schemas/.../Y.v1.avsc
// --partition and --offset read the one record there instead of the whole topic (a long-lived stack).
//
// Prints one JSON object per record of the reader's type:
//   {"partition":0,"offset":12,"schemaId":7,"writerFields":[...],"value":{...}}
// `value` is the record as the reader schema sees it (fields the writer lacked take the reader's default).
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public class AvroReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  public static void main(String[] args) throws Exception {
    Map<String, List<String>> options = parse(args);
    Schema.Parser parser = new Schema.Parser();
    for (String named : options.getOrDefault("named", List.of())) parser.parse(new File(named));
    Schema reader = parser.parse(new File(required(options, "reader")));
    String registry = required(options, "registry").replaceAll("/+$", "");
    String topic = required(options, "topic");
    String key = options.containsKey("key") ? options.get("key").get(0) : null;

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, required(options, "bootstrap"));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // No group: partitions are assigned by hand and nothing is committed, so no one's offsets move.
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    authenticate(props);

    Map<Integer, Schema> writers = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      Map<TopicPartition, Long> end = new HashMap<>();
      if (options.containsKey("partition")) {
        TopicPartition partition = new TopicPartition(topic, Integer.parseInt(required(options, "partition")));
        long offset = Long.parseLong(required(options, "offset"));
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        end.put(partition, offset + 1);
      } else {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        end.putAll(consumer.endOffsets(partitions));
      }
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("topic not read to its end in time");
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
          if (record.offset() >= stop) continue;
          if (key != null && (record.key() == null || !key.equals(new String(record.key(), StandardCharsets.UTF_8)))) continue;
          String line = decode(record, reader, registry, writers);
          if (line != null) System.out.println(line);
        }
      }
    }
  }

  /** One output line, or null for a record of another type (topics carry several). */
  private static String decode(ConsumerRecord<byte[], byte[]> record, Schema reader, String registry,
      Map<Integer, Schema> writers) throws Exception {
    ByteBuffer buffer = ByteBuffer.wrap(record.value());
    if (buffer.remaining() < 5 || buffer.get() != 0) {
      throw new IllegalStateException("offset " + record.offset() + " is not Confluent-framed Avro");
    }
    int schemaId = buffer.getInt();
    Schema writer = writers.get(schemaId);
    if (writer == null) {
      writer = fetchSchema(registry, schemaId);
      writers.put(schemaId, writer);
    }
    if (!writer.getFullName().equals(reader.getFullName())) return null;
    GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(writer, reader);
    GenericRecord value = datumReader.read(null,
        DecoderFactory.get().binaryDecoder(buffer.array(), buffer.position(), buffer.remaining(), null));
    List<String> writerFields = writer.getFields().stream().map(Schema.Field::name).toList();
    return "{\"partition\":" + record.partition() + ",\"offset\":" + record.offset() + ",\"schemaId\":" + schemaId
        + ",\"writerFields\":" + JSON.writeValueAsString(writerFields)
        + ",\"value\":" + GenericData.get().toString(value) + "}";
  }

  /** GET /schemas/ids/{id}: the Confluent API that Apicurio's ccompat layer and Confluent's registry both serve. */
  private static Schema fetchSchema(String registry, int schemaId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registry + "/schemas/ids/" + schemaId))
        .timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("registry answered " + response.statusCode() + " for schema id " + schemaId);
    }
    return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
  }

  private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
  }

  private static Map<String, List<String>> parse(String[] args) {
    Map<String, List<String>> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option, got " + args[i]);
      options.computeIfAbsent(args[i].substring(2), name -> new ArrayList<>()).add(args[i + 1]);
    }
    return options;
  }

  /**
   * The broker takes SASL/SCRAM-SHA-512, over TLS when KAFKA_SSL_CA_LOCATION names its CA: the same
   * variables as every client of this code base (docs/security.md), read here from the environment.
   */
  static void authenticate(Properties props) {
    String user = System.getenv("KAFKA_SASL_USERNAME");
    if (user == null || user.isEmpty()) return;
    String password = System.getenv("KAFKA_SASL_PASSWORD");
    String ca = System.getenv("KAFKA_SSL_CA_LOCATION");
    boolean tls = ca != null && !ca.isEmpty();
    props.put("security.protocol", tls ? "SASL_SSL" : "SASL_PLAINTEXT");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    if (tls) {
      props.put("ssl.truststore.type", "PEM");
      props.put("ssl.truststore.location", ca);
    }
  }

  private static String required(Map<String, List<String>> options, String name) {
    List<String> values = options.get(name);
    if (values == null) throw new IllegalArgumentException("missing --" + name);
    return values.get(0);
  }
}
