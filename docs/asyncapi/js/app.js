
    const schema = {
  "asyncapi": "3.0.0",
  "info": {
    "title": "Saga Reference events",
    "version": "1.0.0",
    "description": "A choreographed order saga: four services and a REST gateway that talk only through these\nKafka topics. Every record is Avro in the Confluent wire format (magic byte, schema id, Avro binary),\nregistered under TopicRecordNameStrategy subjects with FULL_TRANSITIVE compatibility, and starts with an\n`envelope` (eventId to deduplicate on, occurredAt, correlationId, causationId, producer). Records of one\norder share its key, so each topic keeps them in order. Each application below is a tag; its operations say\nwhat it sends and receives, in which consumer group, and where what it cannot process goes (`<group>.dlt`).\n\n| record | topic | sent by | received by |\n| --- | --- | --- | --- |\n| CancelOrder | order.commands | gateway | gateway, order-service |\n| OrderCancelled | order.events | order-service | gateway, inventory-service, payment-service, shipping-service |\n| OrderConfirmed | order.events | order-service | gateway, inventory-service |\n| OrderPlaced | order.events | order-service | gateway, inventory-service, payment-service, shipping-service |\n| PaymentCompleted | payment.events | payment-service | gateway, shipping-service |\n| PaymentFailed | payment.events | payment-service | gateway, order-service |\n| PaymentRefunded | payment.events | payment-service | gateway |\n| PlaceOrder | order.commands | gateway | gateway, order-service |\n| RestockProduct | inventory.commands | gateway | inventory-service |\n| ShipmentCancelled | shipping.events | shipping-service | gateway |\n| ShipmentFailed | shipping.events | shipping-service | gateway, order-service |\n| ShipmentScheduled | shipping.events | shipping-service | gateway, order-service |\n| StockLevelChanged | inventory.stock | inventory-service | gateway |\n| StockReleased | inventory.events | inventory-service | gateway |\n| StockReservationFailed | inventory.events | inventory-service | gateway, order-service |\n| StockReserved | inventory.events | inventory-service | gateway, order-service, payment-service |\n| StockSold | inventory.events | inventory-service | gateway |\n",
    "license": {
      "name": "Apache-2.0",
      "url": "https://www.apache.org/licenses/LICENSE-2.0"
    },
    "tags": [
      {
        "name": "gateway",
        "description": "The REST front door: turns requests into commands and answers queries from a read model it projects from the topics in the one group `gateway-projection`, resuming each partition at the offset its read model last applied."
      },
      {
        "name": "order-service",
        "description": "Owns orders and the single authority on their outcome: CONFIRMED, or CANCELLED with a reason."
      },
      {
        "name": "inventory-service",
        "description": "Owns stock: reserves all lines of an order or none, releases or sells the reservation."
      },
      {
        "name": "payment-service",
        "description": "Charges the reserved total through the payment provider, and refunds it on cancellation."
      },
      {
        "name": "shipping-service",
        "description": "Books a shipment with the carrier once paid, and cancels it on cancellation."
      }
    ]
  },
  "defaultContentType": "application/octet-stream",
  "servers": {
    "local": {
      "host": "127.0.0.1:9092",
      "protocol": "kafka-secure",
      "description": "`make dev` (KAFKA_BROKERS), SASL_SSL: one SCRAM principal per application, ACLs generated from the topology (docs/security.md); the schema registry is Apicurio, Confluent-compatible API",
      "security": [
        {
          "type": "scramSha512",
          "description": "Each application signs in as its own principal (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD): it may write only the topics of the types it sends and its dead-letter topic, read only what it receives, and use only its own consumer group."
        }
      ],
      "bindings": {
        "kafka": {
          "schemaRegistryUrl": "http://127.0.0.1:8081/apis/ccompat/v7",
          "schemaRegistryVendor": "apicurio",
          "bindingVersion": "0.5.0"
        }
      }
    }
  },
  "channels": {
    "gateway-projection.dlt": {
      "address": "gateway-projection.dlt",
      "title": "gateway-projection.dlt",
      "description": "records the gateway-projection group could not process. Keyed by the failed record's own key.",
      "messages": {
        "DeadLetter": {
          "name": "DeadLetter",
          "title": "Dead letter",
          "summary": "A record a consumer group could not process, with why, and where it came from.",
          "description": "Key, value and headers are the original record, byte for byte (the value may not even be Avro); the `dlt.*` headers are added. `npm run dlt -- list|show|replay <group>` reads them and re-publishes to the original topic, where the consumers deduplicate on eventId.",
          "contentType": "application/octet-stream",
          "headers": {
            "type": "object",
            "properties": {
              "dlt.original.topic": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-2>"
              },
              "dlt.original.partition": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-3>"
              },
              "dlt.original.offset": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-4>"
              },
              "dlt.error.type": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-5>"
              },
              "dlt.error.message": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-6>"
              },
              "dlt.attempts": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-7>"
              },
              "dlt.failed.at": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-8>"
              }
            },
            "required": [
              "dlt.original.topic",
              "dlt.original.partition",
              "dlt.original.offset",
              "dlt.error.type",
              "dlt.error.message",
              "dlt.attempts",
              "dlt.failed.at"
            ],
            "x-parser-schema-id": "<anonymous-schema-1>"
          },
          "payload": {
            "description": "The original record value, unchanged",
            "x-parser-schema-id": "<anonymous-schema-9>"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "The original record's key"
              },
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "DeadLetter"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "gateway-projection.dlt",
          "partitions": 1,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 2592000000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway-projection.dlt"
    },
    "inventory-service.dlt": {
      "address": "inventory-service.dlt",
      "title": "inventory-service.dlt",
      "description": "records the inventory-service group could not process. Keyed by the failed record's own key.",
      "messages": {
        "DeadLetter": "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      },
      "bindings": {
        "kafka": {
          "topic": "inventory-service.dlt",
          "partitions": 1,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 2592000000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "inventory-service.dlt"
    },
    "inventory.commands": {
      "address": "inventory.commands",
      "title": "inventory.commands",
      "description": "RestockProduct from the gateway. Keyed by the sku.",
      "messages": {
        "RestockProduct": {
          "name": "RestockProduct",
          "title": "RestockProduct",
          "summary": "Command: add stock to a product.",
          "description": "Subject `inventory.commands-saga.inventory.RestockProduct`, version 1 (shared/schemas/inventory.commands/RestockProduct.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": {
            "description": "The order id (the sku for stock records), the same on every record of one saga",
            "location": "$message.payload#/envelope/correlationId"
          },
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "RestockProduct",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-11>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-12>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-13>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-10>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "sku",
                "quantity"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-14>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-15>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-16>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-17>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-18>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "sku": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-19>"
                },
                "quantity": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "<anonymous-schema-20>"
                }
              },
              "description": "Command: add stock to a product.",
              "x-parser-schema-id": "saga.inventory.RestockProduct"
            },
            "x-parser-original-payload": {
              "name": "RestockProduct",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "sku",
                  "type": "string"
                },
                {
                  "name": "quantity",
                  "type": "int"
                }
              ],
              "doc": "Command: add stock to a product.",
              "namespace": "saga.inventory"
            },
            "x-parser-schema-id": "RestockProduct"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the sku"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "RestockProduct"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "inventory.commands",
          "partitions": 6,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "inventory.commands"
    },
    "inventory.events": {
      "address": "inventory.events",
      "title": "inventory.events",
      "description": "StockReserved, StockReservationFailed, StockReleased, StockSold. Keyed by the order id.",
      "messages": {
        "StockReleased": {
          "name": "StockReleased",
          "title": "StockReleased",
          "summary": "Compensation: the order's reservation was given back.",
          "description": "Subject `inventory.events-saga.inventory.StockReleased`, version 1 (shared/schemas/inventory.events/StockReleased.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "StockReleased",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-22>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-23>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-24>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-21>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "lines"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-25>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-26>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-27>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-28>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-29>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-30>"
                },
                "lines": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "sku",
                      "quantity",
                      "unitPriceCents"
                    ],
                    "properties": {
                      "sku": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-32>"
                      },
                      "quantity": {
                        "type": "integer",
                        "minimum": -2147483648,
                        "maximum": 2147483647,
                        "x-parser-schema-id": "<anonymous-schema-33>"
                      },
                      "unitPriceCents": {
                        "type": "integer",
                        "minimum": -9223372036854776000,
                        "maximum": 9223372036854776000,
                        "description": "Minor units of currency.",
                        "x-parser-schema-id": "<anonymous-schema-34>"
                      }
                    },
                    "description": "An order line priced by inventory at reservation time.",
                    "x-parser-schema-id": "saga.common.PricedLine"
                  },
                  "x-parser-schema-id": "<anonymous-schema-31>"
                }
              },
              "description": "Compensation: the order's reservation was given back.",
              "x-parser-schema-id": "saga.inventory.StockReleased"
            },
            "x-parser-original-payload": {
              "name": "StockReleased",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "lines",
                  "type": {
                    "type": "array",
                    "items": {
                      "name": "PricedLine",
                      "type": "record",
                      "fields": [
                        {
                          "name": "sku",
                          "type": "string"
                        },
                        {
                          "name": "quantity",
                          "type": "int"
                        },
                        {
                          "name": "unitPriceCents",
                          "type": "long",
                          "doc": "Minor units of currency."
                        }
                      ],
                      "doc": "An order line priced by inventory at reservation time.",
                      "namespace": "saga.common"
                    }
                  }
                }
              ],
              "doc": "Compensation: the order's reservation was given back.",
              "namespace": "saga.inventory"
            },
            "x-parser-schema-id": "StockReleased"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "StockReleased"
        },
        "StockReservationFailed": {
          "name": "StockReservationFailed",
          "title": "StockReservationFailed",
          "summary": "The order could not be reserved; nothing was reserved.",
          "description": "Subject `inventory.events-saga.inventory.StockReservationFailed`, version 1 (shared/schemas/inventory.events/StockReservationFailed.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "StockReservationFailed",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-36>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-37>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-38>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-35>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "reason",
                "sku"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-39>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-40>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-41>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-42>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-43>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-44>"
                },
                "reason": {
                  "type": "string",
                  "enum": [
                    "OUT_OF_STOCK",
                    "UNKNOWN_SKU"
                  ],
                  "x-parser-schema-id": "<anonymous-schema-45>"
                },
                "sku": {
                  "type": "string",
                  "description": "The first line that could not be reserved.",
                  "x-parser-schema-id": "<anonymous-schema-46>"
                }
              },
              "description": "The order could not be reserved; nothing was reserved.",
              "x-parser-schema-id": "saga.inventory.StockReservationFailed"
            },
            "x-parser-original-payload": {
              "name": "StockReservationFailed",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "reason",
                  "type": {
                    "name": "ReservationFailure",
                    "type": "enum",
                    "symbols": "$ref:$.channels.inventory.events.messages.StockReservationFailed.payload.schema.properties.reason.enum",
                    "namespace": "saga.inventory"
                  }
                },
                {
                  "name": "sku",
                  "type": "string",
                  "doc": "The first line that could not be reserved."
                }
              ],
              "doc": "The order could not be reserved; nothing was reserved.",
              "namespace": "saga.inventory"
            },
            "x-parser-schema-id": "StockReservationFailed"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "StockReservationFailed"
        },
        "StockReserved": {
          "name": "StockReserved",
          "title": "StockReserved",
          "summary": "Every line of the order is reserved, at these prices.",
          "description": "Subject `inventory.events-saga.inventory.StockReserved`, version 1 (shared/schemas/inventory.events/StockReserved.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "StockReserved",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-48>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-49>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-50>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-47>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "lines",
                "totalCents",
                "currency"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-51>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-52>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-53>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-54>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-55>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-56>"
                },
                "lines": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "sku",
                      "quantity",
                      "unitPriceCents"
                    ],
                    "properties": {
                      "sku": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-58>"
                      },
                      "quantity": {
                        "type": "integer",
                        "minimum": -2147483648,
                        "maximum": 2147483647,
                        "x-parser-schema-id": "<anonymous-schema-59>"
                      },
                      "unitPriceCents": {
                        "type": "integer",
                        "minimum": -9223372036854776000,
                        "maximum": 9223372036854776000,
                        "description": "Minor units of currency.",
                        "x-parser-schema-id": "<anonymous-schema-60>"
                      }
                    },
                    "description": "An order line priced by inventory at reservation time.",
                    "x-parser-schema-id": "saga.common.PricedLine"
                  },
                  "x-parser-schema-id": "<anonymous-schema-57>"
                },
                "totalCents": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "<anonymous-schema-61>"
                },
                "currency": {
                  "type": "string",
                  "description": "ISO 4217 code.",
                  "x-parser-schema-id": "<anonymous-schema-62>"
                }
              },
              "description": "Every line of the order is reserved, at these prices.",
              "x-parser-schema-id": "saga.inventory.StockReserved"
            },
            "x-parser-original-payload": {
              "name": "StockReserved",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "lines",
                  "type": {
                    "type": "array",
                    "items": {
                      "name": "PricedLine",
                      "type": "record",
                      "fields": [
                        {
                          "name": "sku",
                          "type": "string"
                        },
                        {
                          "name": "quantity",
                          "type": "int"
                        },
                        {
                          "name": "unitPriceCents",
                          "type": "long",
                          "doc": "Minor units of currency."
                        }
                      ],
                      "doc": "An order line priced by inventory at reservation time.",
                      "namespace": "saga.common"
                    }
                  }
                },
                {
                  "name": "totalCents",
                  "type": "long"
                },
                {
                  "name": "currency",
                  "type": "string",
                  "doc": "ISO 4217 code."
                }
              ],
              "doc": "Every line of the order is reserved, at these prices.",
              "namespace": "saga.inventory"
            },
            "x-parser-schema-id": "StockReserved"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "StockReserved"
        },
        "StockSold": {
          "name": "StockSold",
          "title": "StockSold",
          "summary": "The confirmed order's reservation became a sale.",
          "description": "Subject `inventory.events-saga.inventory.StockSold`, version 1 (shared/schemas/inventory.events/StockSold.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "StockSold",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-64>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-65>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-66>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-63>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "lines"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-67>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-68>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-69>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-70>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-71>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-72>"
                },
                "lines": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "sku",
                      "quantity",
                      "unitPriceCents"
                    ],
                    "properties": {
                      "sku": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-74>"
                      },
                      "quantity": {
                        "type": "integer",
                        "minimum": -2147483648,
                        "maximum": 2147483647,
                        "x-parser-schema-id": "<anonymous-schema-75>"
                      },
                      "unitPriceCents": {
                        "type": "integer",
                        "minimum": -9223372036854776000,
                        "maximum": 9223372036854776000,
                        "description": "Minor units of currency.",
                        "x-parser-schema-id": "<anonymous-schema-76>"
                      }
                    },
                    "description": "An order line priced by inventory at reservation time.",
                    "x-parser-schema-id": "saga.common.PricedLine"
                  },
                  "x-parser-schema-id": "<anonymous-schema-73>"
                }
              },
              "description": "The confirmed order's reservation became a sale.",
              "x-parser-schema-id": "saga.inventory.StockSold"
            },
            "x-parser-original-payload": {
              "name": "StockSold",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "lines",
                  "type": {
                    "type": "array",
                    "items": {
                      "name": "PricedLine",
                      "type": "record",
                      "fields": [
                        {
                          "name": "sku",
                          "type": "string"
                        },
                        {
                          "name": "quantity",
                          "type": "int"
                        },
                        {
                          "name": "unitPriceCents",
                          "type": "long",
                          "doc": "Minor units of currency."
                        }
                      ],
                      "doc": "An order line priced by inventory at reservation time.",
                      "namespace": "saga.common"
                    }
                  }
                }
              ],
              "doc": "The confirmed order's reservation became a sale.",
              "namespace": "saga.inventory"
            },
            "x-parser-schema-id": "StockSold"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "StockSold"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "inventory.events",
          "partitions": 6,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "inventory.events"
    },
    "inventory.stock": {
      "address": "inventory.stock",
      "title": "inventory.stock",
      "description": "StockLevelChanged: the latest level per sku. Keyed by the sku.",
      "messages": {
        "StockLevelChanged": {
          "name": "StockLevelChanged",
          "title": "StockLevelChanged",
          "summary": "The current level of one product, keyed by sku (compacted topic).",
          "description": "Subject `inventory.stock-saga.inventory.StockLevelChanged`, version 1 (shared/schemas/inventory.stock/StockLevelChanged.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "StockLevelChanged",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-78>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-79>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-80>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-77>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "sku",
                "name",
                "unitPriceCents",
                "currency",
                "available",
                "reserved",
                "sold"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-81>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-82>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-83>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-84>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-85>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "sku": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-86>"
                },
                "name": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-87>"
                },
                "unitPriceCents": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "<anonymous-schema-88>"
                },
                "currency": {
                  "type": "string",
                  "description": "ISO 4217 code.",
                  "x-parser-schema-id": "<anonymous-schema-89>"
                },
                "available": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "<anonymous-schema-90>"
                },
                "reserved": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "<anonymous-schema-91>"
                },
                "sold": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "<anonymous-schema-92>"
                }
              },
              "description": "The current level of one product, keyed by sku (compacted topic).",
              "x-parser-schema-id": "saga.inventory.StockLevelChanged"
            },
            "x-parser-original-payload": {
              "name": "StockLevelChanged",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "sku",
                  "type": "string"
                },
                {
                  "name": "name",
                  "type": "string"
                },
                {
                  "name": "unitPriceCents",
                  "type": "long"
                },
                {
                  "name": "currency",
                  "type": "string",
                  "doc": "ISO 4217 code."
                },
                {
                  "name": "available",
                  "type": "int"
                },
                {
                  "name": "reserved",
                  "type": "int"
                },
                {
                  "name": "sold",
                  "type": "int"
                }
              ],
              "doc": "The current level of one product, keyed by sku (compacted topic).",
              "namespace": "saga.inventory"
            },
            "x-parser-schema-id": "StockLevelChanged"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the sku"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "StockLevelChanged"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "inventory.stock",
          "partitions": 6,
          "topicConfiguration": {
            "cleanup.policy": [
              "compact"
            ],
            "retention.ms": -1
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "inventory.stock"
    },
    "order-service.dlt": {
      "address": "order-service.dlt",
      "title": "order-service.dlt",
      "description": "records the order-service group could not process. Keyed by the failed record's own key.",
      "messages": {
        "DeadLetter": "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      },
      "bindings": {
        "kafka": {
          "topic": "order-service.dlt",
          "partitions": 1,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 2592000000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "order-service.dlt"
    },
    "order.commands": {
      "address": "order.commands",
      "title": "order.commands",
      "description": "PlaceOrder and CancelOrder from the gateway. Keyed by the order id.",
      "messages": {
        "CancelOrder": {
          "name": "CancelOrder",
          "title": "CancelOrder",
          "summary": "Command: the customer asks to cancel an order.",
          "description": "Subject `order.commands-saga.order.CancelOrder`, version 1 (shared/schemas/order.commands/CancelOrder.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "CancelOrder",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-94>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-95>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-96>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-93>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-97>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-98>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-99>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-100>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-101>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-102>"
                }
              },
              "description": "Command: the customer asks to cancel an order.",
              "x-parser-schema-id": "saga.order.CancelOrder"
            },
            "x-parser-original-payload": {
              "name": "CancelOrder",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                }
              ],
              "doc": "Command: the customer asks to cancel an order.",
              "namespace": "saga.order"
            },
            "x-parser-schema-id": "CancelOrder"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "CancelOrder"
        },
        "PlaceOrder": {
          "name": "PlaceOrder",
          "title": "PlaceOrder",
          "summary": "Command: place a new order (gateway -> order service).",
          "description": "Subject `order.commands-saga.order.PlaceOrder`, version 2 (shared/schemas/order.commands/PlaceOrder.v2.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "PlaceOrder",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-104>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-105>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-106>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-103>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "customerId",
                "items",
                "paymentToken",
                "shippingAddress"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-107>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-108>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-109>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-110>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-111>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-112>"
                },
                "customerId": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-113>"
                },
                "items": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "sku",
                      "quantity"
                    ],
                    "properties": {
                      "sku": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-115>"
                      },
                      "quantity": {
                        "type": "integer",
                        "minimum": -2147483648,
                        "maximum": 2147483647,
                        "x-parser-schema-id": "<anonymous-schema-116>"
                      }
                    },
                    "description": "A product and how many of it.",
                    "x-parser-schema-id": "saga.common.OrderLine"
                  },
                  "x-parser-schema-id": "<anonymous-schema-114>"
                },
                "paymentToken": {
                  "type": "string",
                  "description": "Opaque token from the payment provider.",
                  "x-parser-schema-id": "<anonymous-schema-117>"
                },
                "shippingAddress": {
                  "type": "object",
                  "required": [
                    "name",
                    "line1",
                    "city",
                    "postalCode",
                    "country"
                  ],
                  "properties": {
                    "name": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-118>"
                    },
                    "line1": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-119>"
                    },
                    "city": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-120>"
                    },
                    "postalCode": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-121>"
                    },
                    "country": {
                      "type": "string",
                      "description": "ISO 3166-1 alpha-2.",
                      "x-parser-schema-id": "<anonymous-schema-122>"
                    }
                  },
                  "description": "Where the order goes.",
                  "x-parser-schema-id": "saga.common.ShippingAddress"
                },
                "giftMessage": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-124>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "<anonymous-schema-125>"
                    }
                  ],
                  "description": "Optional note for the recipient, printed on the parcel by the carrier. Added in v2; v1 records read as null.",
                  "default": null,
                  "x-parser-schema-id": "<anonymous-schema-123>"
                }
              },
              "description": "Command: place a new order (gateway -> order service).",
              "x-parser-schema-id": "saga.order.PlaceOrder"
            },
            "x-parser-original-payload": {
              "name": "PlaceOrder",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "customerId",
                  "type": "string"
                },
                {
                  "name": "items",
                  "type": {
                    "type": "array",
                    "items": {
                      "name": "OrderLine",
                      "type": "record",
                      "fields": [
                        {
                          "name": "sku",
                          "type": "string"
                        },
                        {
                          "name": "quantity",
                          "type": "int"
                        }
                      ],
                      "doc": "A product and how many of it.",
                      "namespace": "saga.common"
                    }
                  }
                },
                {
                  "name": "paymentToken",
                  "type": "string",
                  "doc": "Opaque token from the payment provider."
                },
                {
                  "name": "shippingAddress",
                  "type": {
                    "name": "ShippingAddress",
                    "type": "record",
                    "fields": [
                      {
                        "name": "name",
                        "type": "string"
                      },
                      {
                        "name": "line1",
                        "type": "string"
                      },
                      {
                        "name": "city",
                        "type": "string"
                      },
                      {
                        "name": "postalCode",
                        "type": "string"
                      },
                      {
                        "name": "country",
                        "type": "string",
                        "doc": "ISO 3166-1 alpha-2."
                      }
                    ],
                    "doc": "Where the order goes.",
                    "namespace": "saga.common"
                  }
                },
                {
                  "name": "giftMessage",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Optional note for the recipient, printed on the parcel by the carrier. Added in v2; v1 records read as null."
                }
              ],
              "doc": "Command: place a new order (gateway -> order service).",
              "namespace": "saga.order"
            },
            "x-parser-schema-id": "PlaceOrder"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "PlaceOrder"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "order.commands",
          "partitions": 6,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "order.commands"
    },
    "order.events": {
      "address": "order.events",
      "title": "order.events",
      "description": "OrderPlaced, OrderConfirmed, OrderCancelled. Keyed by the order id.",
      "messages": {
        "OrderCancelled": {
          "name": "OrderCancelled",
          "title": "OrderCancelled",
          "summary": "The order is CANCELLED; services undo what they did for it.",
          "description": "Subject `order.events-saga.order.OrderCancelled`, version 1 (shared/schemas/order.events/OrderCancelled.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "OrderCancelled",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-127>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-128>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-129>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-126>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "reason"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-130>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-131>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-132>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-133>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-134>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-135>"
                },
                "reason": {
                  "type": "string",
                  "enum": [
                    "OUT_OF_STOCK",
                    "UNKNOWN_SKU",
                    "PAYMENT_DECLINED",
                    "SHIPPING_FAILED",
                    "CANCELLED_BY_CUSTOMER",
                    "TIMED_OUT"
                  ],
                  "x-parser-schema-id": "<anonymous-schema-136>"
                }
              },
              "description": "The order is CANCELLED; services undo what they did for it.",
              "x-parser-schema-id": "saga.order.OrderCancelled"
            },
            "x-parser-original-payload": {
              "name": "OrderCancelled",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "reason",
                  "type": {
                    "name": "CancellationReason",
                    "type": "enum",
                    "symbols": "$ref:$.channels.order.events.messages.OrderCancelled.payload.schema.properties.reason.enum",
                    "namespace": "saga.order"
                  }
                }
              ],
              "doc": "The order is CANCELLED; services undo what they did for it.",
              "namespace": "saga.order"
            },
            "x-parser-schema-id": "OrderCancelled"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "OrderCancelled"
        },
        "OrderConfirmed": {
          "name": "OrderConfirmed",
          "title": "OrderConfirmed",
          "summary": "Every step succeeded: the order is CONFIRMED.",
          "description": "Subject `order.events-saga.order.OrderConfirmed`, version 1 (shared/schemas/order.events/OrderConfirmed.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "OrderConfirmed",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-138>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-139>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-140>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-137>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "totalCents",
                "currency"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-141>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-142>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-143>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-144>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-145>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-146>"
                },
                "totalCents": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "<anonymous-schema-147>"
                },
                "currency": {
                  "type": "string",
                  "description": "ISO 4217 code.",
                  "x-parser-schema-id": "<anonymous-schema-148>"
                }
              },
              "description": "Every step succeeded: the order is CONFIRMED.",
              "x-parser-schema-id": "saga.order.OrderConfirmed"
            },
            "x-parser-original-payload": {
              "name": "OrderConfirmed",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "totalCents",
                  "type": "long"
                },
                {
                  "name": "currency",
                  "type": "string",
                  "doc": "ISO 4217 code."
                }
              ],
              "doc": "Every step succeeded: the order is CONFIRMED.",
              "namespace": "saga.order"
            },
            "x-parser-schema-id": "OrderConfirmed"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "OrderConfirmed"
        },
        "OrderPlaced": {
          "name": "OrderPlaced",
          "title": "OrderPlaced",
          "summary": "An order was accepted and is PENDING: the saga starts here.",
          "description": "Subject `order.events-saga.order.OrderPlaced`, version 2 (shared/schemas/order.events/OrderPlaced.v2.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "OrderPlaced",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-150>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-151>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-152>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-149>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "customerId",
                "items",
                "paymentToken",
                "shippingAddress"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-153>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-154>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-155>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-156>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-157>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-158>"
                },
                "customerId": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-159>"
                },
                "items": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "sku",
                      "quantity"
                    ],
                    "properties": {
                      "sku": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-161>"
                      },
                      "quantity": {
                        "type": "integer",
                        "minimum": -2147483648,
                        "maximum": 2147483647,
                        "x-parser-schema-id": "<anonymous-schema-162>"
                      }
                    },
                    "description": "A product and how many of it.",
                    "x-parser-schema-id": "saga.common.OrderLine"
                  },
                  "x-parser-schema-id": "<anonymous-schema-160>"
                },
                "paymentToken": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-163>"
                },
                "shippingAddress": {
                  "type": "object",
                  "required": [
                    "name",
                    "line1",
                    "city",
                    "postalCode",
                    "country"
                  ],
                  "properties": {
                    "name": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-164>"
                    },
                    "line1": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-165>"
                    },
                    "city": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-166>"
                    },
                    "postalCode": {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-167>"
                    },
                    "country": {
                      "type": "string",
                      "description": "ISO 3166-1 alpha-2.",
                      "x-parser-schema-id": "<anonymous-schema-168>"
                    }
                  },
                  "description": "Where the order goes.",
                  "x-parser-schema-id": "saga.common.ShippingAddress"
                },
                "giftMessage": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "<anonymous-schema-170>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "<anonymous-schema-171>"
                    }
                  ],
                  "description": "Optional note for the recipient, printed on the parcel by the carrier. Added in v2; v1 records read as null.",
                  "default": null,
                  "x-parser-schema-id": "<anonymous-schema-169>"
                }
              },
              "description": "An order was accepted and is PENDING: the saga starts here.",
              "x-parser-schema-id": "saga.order.OrderPlaced"
            },
            "x-parser-original-payload": {
              "name": "OrderPlaced",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "customerId",
                  "type": "string"
                },
                {
                  "name": "items",
                  "type": {
                    "type": "array",
                    "items": {
                      "name": "OrderLine",
                      "type": "record",
                      "fields": [
                        {
                          "name": "sku",
                          "type": "string"
                        },
                        {
                          "name": "quantity",
                          "type": "int"
                        }
                      ],
                      "doc": "A product and how many of it.",
                      "namespace": "saga.common"
                    }
                  }
                },
                {
                  "name": "paymentToken",
                  "type": "string"
                },
                {
                  "name": "shippingAddress",
                  "type": {
                    "name": "ShippingAddress",
                    "type": "record",
                    "fields": [
                      {
                        "name": "name",
                        "type": "string"
                      },
                      {
                        "name": "line1",
                        "type": "string"
                      },
                      {
                        "name": "city",
                        "type": "string"
                      },
                      {
                        "name": "postalCode",
                        "type": "string"
                      },
                      {
                        "name": "country",
                        "type": "string",
                        "doc": "ISO 3166-1 alpha-2."
                      }
                    ],
                    "doc": "Where the order goes.",
                    "namespace": "saga.common"
                  }
                },
                {
                  "name": "giftMessage",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Optional note for the recipient, printed on the parcel by the carrier. Added in v2; v1 records read as null."
                }
              ],
              "doc": "An order was accepted and is PENDING: the saga starts here.",
              "namespace": "saga.order"
            },
            "x-parser-schema-id": "OrderPlaced"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "OrderPlaced"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "order.events",
          "partitions": 6,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "order.events"
    },
    "payment-service.dlt": {
      "address": "payment-service.dlt",
      "title": "payment-service.dlt",
      "description": "records the payment-service group could not process. Keyed by the failed record's own key.",
      "messages": {
        "DeadLetter": "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      },
      "bindings": {
        "kafka": {
          "topic": "payment-service.dlt",
          "partitions": 1,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 2592000000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "payment-service.dlt"
    },
    "payment.events": {
      "address": "payment.events",
      "title": "payment.events",
      "description": "PaymentCompleted, PaymentFailed, PaymentRefunded. Keyed by the order id.",
      "messages": {
        "PaymentCompleted": {
          "name": "PaymentCompleted",
          "title": "PaymentCompleted",
          "summary": "The customer was charged.",
          "description": "Subject `payment.events-saga.payment.PaymentCompleted`, version 1 (shared/schemas/payment.events/PaymentCompleted.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "PaymentCompleted",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-173>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-174>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-175>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-172>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "paymentId",
                "amountCents",
                "currency"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-176>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-177>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-178>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-179>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-180>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-181>"
                },
                "paymentId": {
                  "type": "string",
                  "description": "The provider's charge id.",
                  "x-parser-schema-id": "<anonymous-schema-182>"
                },
                "amountCents": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "<anonymous-schema-183>"
                },
                "currency": {
                  "type": "string",
                  "description": "ISO 4217 code.",
                  "x-parser-schema-id": "<anonymous-schema-184>"
                }
              },
              "description": "The customer was charged.",
              "x-parser-schema-id": "saga.payment.PaymentCompleted"
            },
            "x-parser-original-payload": {
              "name": "PaymentCompleted",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "paymentId",
                  "type": "string",
                  "doc": "The provider's charge id."
                },
                {
                  "name": "amountCents",
                  "type": "long"
                },
                {
                  "name": "currency",
                  "type": "string",
                  "doc": "ISO 4217 code."
                }
              ],
              "doc": "The customer was charged.",
              "namespace": "saga.payment"
            },
            "x-parser-schema-id": "PaymentCompleted"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "PaymentCompleted"
        },
        "PaymentFailed": {
          "name": "PaymentFailed",
          "title": "PaymentFailed",
          "summary": "The provider declined the charge.",
          "description": "Subject `payment.events-saga.payment.PaymentFailed`, version 1 (shared/schemas/payment.events/PaymentFailed.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "PaymentFailed",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-186>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-187>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-188>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-185>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "reason"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-189>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-190>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-191>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-192>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-193>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-194>"
                },
                "reason": {
                  "type": "string",
                  "description": "The provider's decline code.",
                  "x-parser-schema-id": "<anonymous-schema-195>"
                }
              },
              "description": "The provider declined the charge.",
              "x-parser-schema-id": "saga.payment.PaymentFailed"
            },
            "x-parser-original-payload": {
              "name": "PaymentFailed",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "reason",
                  "type": "string",
                  "doc": "The provider's decline code."
                }
              ],
              "doc": "The provider declined the charge.",
              "namespace": "saga.payment"
            },
            "x-parser-schema-id": "PaymentFailed"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "PaymentFailed"
        },
        "PaymentRefunded": {
          "name": "PaymentRefunded",
          "title": "PaymentRefunded",
          "summary": "Compensation: the charge was refunded.",
          "description": "Subject `payment.events-saga.payment.PaymentRefunded`, version 1 (shared/schemas/payment.events/PaymentRefunded.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "PaymentRefunded",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-197>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-198>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-199>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-196>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "paymentId",
                "amountCents",
                "currency"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-200>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-201>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-202>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-203>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-204>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-205>"
                },
                "paymentId": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-206>"
                },
                "amountCents": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "<anonymous-schema-207>"
                },
                "currency": {
                  "type": "string",
                  "description": "ISO 4217 code.",
                  "x-parser-schema-id": "<anonymous-schema-208>"
                }
              },
              "description": "Compensation: the charge was refunded.",
              "x-parser-schema-id": "saga.payment.PaymentRefunded"
            },
            "x-parser-original-payload": {
              "name": "PaymentRefunded",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "paymentId",
                  "type": "string"
                },
                {
                  "name": "amountCents",
                  "type": "long"
                },
                {
                  "name": "currency",
                  "type": "string",
                  "doc": "ISO 4217 code."
                }
              ],
              "doc": "Compensation: the charge was refunded.",
              "namespace": "saga.payment"
            },
            "x-parser-schema-id": "PaymentRefunded"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "PaymentRefunded"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "payment.events",
          "partitions": 6,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "payment.events"
    },
    "shipping-service.dlt": {
      "address": "shipping-service.dlt",
      "title": "shipping-service.dlt",
      "description": "records the shipping-service group could not process. Keyed by the failed record's own key.",
      "messages": {
        "DeadLetter": "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      },
      "bindings": {
        "kafka": {
          "topic": "shipping-service.dlt",
          "partitions": 1,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 2592000000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "shipping-service.dlt"
    },
    "shipping.events": {
      "address": "shipping.events",
      "title": "shipping.events",
      "description": "ShipmentScheduled, ShipmentFailed, ShipmentCancelled. Keyed by the order id.",
      "messages": {
        "ShipmentCancelled": {
          "name": "ShipmentCancelled",
          "title": "ShipmentCancelled",
          "summary": "Compensation: the booked shipment was cancelled.",
          "description": "Subject `shipping.events-saga.shipping.ShipmentCancelled`, version 1 (shared/schemas/shipping.events/ShipmentCancelled.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "ShipmentCancelled",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-210>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-211>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-212>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-209>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "shipmentId"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-213>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-214>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-215>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-216>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-217>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-218>"
                },
                "shipmentId": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-219>"
                }
              },
              "description": "Compensation: the booked shipment was cancelled.",
              "x-parser-schema-id": "saga.shipping.ShipmentCancelled"
            },
            "x-parser-original-payload": {
              "name": "ShipmentCancelled",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "shipmentId",
                  "type": "string"
                }
              ],
              "doc": "Compensation: the booked shipment was cancelled.",
              "namespace": "saga.shipping"
            },
            "x-parser-schema-id": "ShipmentCancelled"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "ShipmentCancelled"
        },
        "ShipmentFailed": {
          "name": "ShipmentFailed",
          "title": "ShipmentFailed",
          "summary": "The carrier refused the shipment.",
          "description": "Subject `shipping.events-saga.shipping.ShipmentFailed`, version 1 (shared/schemas/shipping.events/ShipmentFailed.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "ShipmentFailed",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-221>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-222>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-223>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-220>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "reason"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-224>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-225>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-226>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-227>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-228>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-229>"
                },
                "reason": {
                  "type": "string",
                  "description": "The carrier's refusal code.",
                  "x-parser-schema-id": "<anonymous-schema-230>"
                }
              },
              "description": "The carrier refused the shipment.",
              "x-parser-schema-id": "saga.shipping.ShipmentFailed"
            },
            "x-parser-original-payload": {
              "name": "ShipmentFailed",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "reason",
                  "type": "string",
                  "doc": "The carrier's refusal code."
                }
              ],
              "doc": "The carrier refused the shipment.",
              "namespace": "saga.shipping"
            },
            "x-parser-schema-id": "ShipmentFailed"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "ShipmentFailed"
        },
        "ShipmentScheduled": {
          "name": "ShipmentScheduled",
          "title": "ShipmentScheduled",
          "summary": "The carrier booked the shipment.",
          "description": "Subject `shipping.events-saga.shipping.ShipmentScheduled`, version 1 (shared/schemas/shipping.events/ShipmentScheduled.v1.avsc).",
          "contentType": "application/octet-stream",
          "correlationId": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId",
          "headers": {
            "type": "object",
            "properties": {
              "event-type": {
                "type": "string",
                "const": "ShipmentScheduled",
                "description": "The record type, for tools",
                "x-parser-schema-id": "<anonymous-schema-232>"
              },
              "correlation-id": {
                "type": "string",
                "description": "envelope.correlationId, for tools",
                "x-parser-schema-id": "<anonymous-schema-233>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
                "x-parser-schema-id": "<anonymous-schema-234>"
              }
            },
            "required": [
              "event-type",
              "correlation-id"
            ],
            "x-parser-schema-id": "<anonymous-schema-231>"
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "envelope",
                "orderId",
                "shipmentId",
                "carrier",
                "trackingNumber"
              ],
              "properties": {
                "envelope": {
                  "type": "object",
                  "required": [
                    "eventId",
                    "occurredAt",
                    "correlationId",
                    "causationId",
                    "producer"
                  ],
                  "properties": {
                    "eventId": {
                      "type": "string",
                      "description": "Unique id of this record; consumers deduplicate on it.",
                      "x-parser-schema-id": "<anonymous-schema-235>"
                    },
                    "occurredAt": {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "description": "When the fact happened (or the command was issued).",
                      "x-parser-schema-id": "<anonymous-schema-236>"
                    },
                    "correlationId": {
                      "type": "string",
                      "description": "The order id, or the id of what a non-order record is about (e.g. the sku).",
                      "x-parser-schema-id": "<anonymous-schema-237>"
                    },
                    "causationId": {
                      "type": "string",
                      "description": "The eventId of the record that caused this one (the request id for gateway commands).",
                      "x-parser-schema-id": "<anonymous-schema-238>"
                    },
                    "producer": {
                      "type": "string",
                      "description": "Name of the service that produced the record.",
                      "x-parser-schema-id": "<anonymous-schema-239>"
                    }
                  },
                  "description": "Who, when and why: the same on every record.",
                  "x-parser-schema-id": "saga.common.Envelope"
                },
                "orderId": {
                  "type": "string",
                  "description": "The order this record is about; also the Kafka key.",
                  "x-parser-schema-id": "<anonymous-schema-240>"
                },
                "shipmentId": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-241>"
                },
                "carrier": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-242>"
                },
                "trackingNumber": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-243>"
                }
              },
              "description": "The carrier booked the shipment.",
              "x-parser-schema-id": "saga.shipping.ShipmentScheduled"
            },
            "x-parser-original-payload": {
              "name": "ShipmentScheduled",
              "type": "record",
              "fields": [
                {
                  "name": "envelope",
                  "type": {
                    "name": "Envelope",
                    "type": "record",
                    "fields": [
                      {
                        "name": "eventId",
                        "type": "string",
                        "doc": "Unique id of this record; consumers deduplicate on it."
                      },
                      {
                        "name": "occurredAt",
                        "type": "long",
                        "doc": "When the fact happened (or the command was issued)."
                      },
                      {
                        "name": "correlationId",
                        "type": "string",
                        "doc": "The order id, or the id of what a non-order record is about (e.g. the sku)."
                      },
                      {
                        "name": "causationId",
                        "type": "string",
                        "doc": "The eventId of the record that caused this one (the request id for gateway commands)."
                      },
                      {
                        "name": "producer",
                        "type": "string",
                        "doc": "Name of the service that produced the record."
                      }
                    ],
                    "doc": "Metadata carried by every event and command.",
                    "namespace": "saga.common"
                  },
                  "doc": "Who, when and why: the same on every record."
                },
                {
                  "name": "orderId",
                  "type": "string",
                  "doc": "The order this record is about; also the Kafka key."
                },
                {
                  "name": "shipmentId",
                  "type": "string"
                },
                {
                  "name": "carrier",
                  "type": "string"
                },
                {
                  "name": "trackingNumber",
                  "type": "string"
                }
              ],
              "doc": "The carrier booked the shipment.",
              "namespace": "saga.shipping"
            },
            "x-parser-schema-id": "ShipmentScheduled"
          },
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "the order id"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "schemaLookupStrategy": "TopicRecordNameStrategy",
              "bindingVersion": "0.5.0"
            }
          },
          "x-parser-unique-object-id": "ShipmentScheduled"
        }
      },
      "bindings": {
        "kafka": {
          "topic": "shipping.events",
          "partitions": 6,
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "shipping.events"
    }
  },
  "operations": {
    "gateway.receives.inventory.events": {
      "action": "receive",
      "channel": "$ref:$.channels.inventory.events",
      "title": "gateway receives on inventory.events",
      "messages": [
        "$ref:$.channels.inventory.events.messages.StockReserved",
        "$ref:$.channels.inventory.events.messages.StockReservationFailed",
        "$ref:$.channels.inventory.events.messages.StockReleased",
        "$ref:$.channels.inventory.events.messages.StockSold"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "gateway-projection"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.receives.inventory.events"
    },
    "gateway.receives.inventory.stock": {
      "action": "receive",
      "channel": "$ref:$.channels.inventory.stock",
      "title": "gateway receives on inventory.stock",
      "messages": [
        "$ref:$.channels.inventory.stock.messages.StockLevelChanged"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "gateway-projection"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.receives.inventory.stock"
    },
    "gateway.receives.order.commands": {
      "action": "receive",
      "channel": "$ref:$.channels.order.commands",
      "title": "gateway receives on order.commands",
      "messages": [
        "$ref:$.channels.order.commands.messages.PlaceOrder",
        "$ref:$.channels.order.commands.messages.CancelOrder"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "gateway-projection"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.receives.order.commands"
    },
    "gateway.receives.order.events": {
      "action": "receive",
      "channel": "$ref:$.channels.order.events",
      "title": "gateway receives on order.events",
      "messages": [
        "$ref:$.channels.order.events.messages.OrderPlaced",
        "$ref:$.channels.order.events.messages.OrderConfirmed",
        "$ref:$.channels.order.events.messages.OrderCancelled"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "gateway-projection"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.receives.order.events"
    },
    "gateway.receives.payment.events": {
      "action": "receive",
      "channel": "$ref:$.channels.payment.events",
      "title": "gateway receives on payment.events",
      "messages": [
        "$ref:$.channels.payment.events.messages.PaymentCompleted",
        "$ref:$.channels.payment.events.messages.PaymentFailed",
        "$ref:$.channels.payment.events.messages.PaymentRefunded"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "gateway-projection"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.receives.payment.events"
    },
    "gateway.receives.shipping.events": {
      "action": "receive",
      "channel": "$ref:$.channels.shipping.events",
      "title": "gateway receives on shipping.events",
      "messages": [
        "$ref:$.channels.shipping.events.messages.ShipmentScheduled",
        "$ref:$.channels.shipping.events.messages.ShipmentFailed",
        "$ref:$.channels.shipping.events.messages.ShipmentCancelled"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "gateway-projection"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.receives.shipping.events"
    },
    "gateway.sends.inventory.commands": {
      "action": "send",
      "channel": "$ref:$.channels.inventory.commands",
      "title": "gateway sends on inventory.commands",
      "messages": [
        "$ref:$.channels.inventory.commands.messages.RestockProduct"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.sends.inventory.commands"
    },
    "gateway.sends.order.commands": {
      "action": "send",
      "channel": "$ref:$.channels.order.commands",
      "title": "gateway sends on order.commands",
      "messages": [
        "$ref:$.channels.order.commands.messages.PlaceOrder",
        "$ref:$.channels.order.commands.messages.CancelOrder"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "gateway.sends.order.commands"
    },
    "gateway.sends.gateway-projection.dlt": {
      "action": "send",
      "channel": "$ref:$.channels.gateway-projection.dlt",
      "title": "gateway sends on gateway-projection.dlt",
      "messages": [
        "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      ],
      "tags": [
        "$ref:$.info.tags[0]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "gateway"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Records it cannot decode, that break a business rule, or that still fail after the last retry.",
      "x-parser-unique-object-id": "gateway.sends.gateway-projection.dlt"
    },
    "order-service.receives.inventory.events": {
      "action": "receive",
      "channel": "$ref:$.channels.inventory.events",
      "title": "order-service receives on inventory.events",
      "messages": [
        "$ref:$.channels.inventory.events.messages.StockReserved",
        "$ref:$.channels.inventory.events.messages.StockReservationFailed"
      ],
      "tags": [
        "$ref:$.info.tags[1]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/order/src/handlers/StockReserved.ts`, `services/order/src/handlers/StockReservationFailed.ts`.",
      "x-parser-unique-object-id": "order-service.receives.inventory.events"
    },
    "order-service.receives.order.commands": {
      "action": "receive",
      "channel": "$ref:$.channels.order.commands",
      "title": "order-service receives on order.commands",
      "messages": [
        "$ref:$.channels.order.commands.messages.PlaceOrder",
        "$ref:$.channels.order.commands.messages.CancelOrder"
      ],
      "tags": [
        "$ref:$.info.tags[1]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/order/src/handlers/PlaceOrder.ts`, `services/order/src/handlers/CancelOrder.ts`.",
      "x-parser-unique-object-id": "order-service.receives.order.commands"
    },
    "order-service.receives.payment.events": {
      "action": "receive",
      "channel": "$ref:$.channels.payment.events",
      "title": "order-service receives on payment.events",
      "messages": [
        "$ref:$.channels.payment.events.messages.PaymentFailed"
      ],
      "tags": [
        "$ref:$.info.tags[1]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/order/src/handlers/PaymentFailed.ts`.",
      "x-parser-unique-object-id": "order-service.receives.payment.events"
    },
    "order-service.receives.shipping.events": {
      "action": "receive",
      "channel": "$ref:$.channels.shipping.events",
      "title": "order-service receives on shipping.events",
      "messages": [
        "$ref:$.channels.shipping.events.messages.ShipmentScheduled",
        "$ref:$.channels.shipping.events.messages.ShipmentFailed"
      ],
      "tags": [
        "$ref:$.info.tags[1]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/order/src/handlers/ShipmentScheduled.ts`, `services/order/src/handlers/ShipmentFailed.ts`.",
      "x-parser-unique-object-id": "order-service.receives.shipping.events"
    },
    "order-service.sends.order.events": {
      "action": "send",
      "channel": "$ref:$.channels.order.events",
      "title": "order-service sends on order.events",
      "messages": [
        "$ref:$.channels.order.events.messages.OrderPlaced",
        "$ref:$.channels.order.events.messages.OrderConfirmed",
        "$ref:$.channels.order.events.messages.OrderCancelled"
      ],
      "tags": [
        "$ref:$.info.tags[1]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "order-service.sends.order.events"
    },
    "order-service.sends.order-service.dlt": {
      "action": "send",
      "channel": "$ref:$.channels.order-service.dlt",
      "title": "order-service sends on order-service.dlt",
      "messages": [
        "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      ],
      "tags": [
        "$ref:$.info.tags[1]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "order-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Records it cannot decode, that break a business rule, or that still fail after the last retry.",
      "x-parser-unique-object-id": "order-service.sends.order-service.dlt"
    },
    "inventory-service.receives.inventory.commands": {
      "action": "receive",
      "channel": "$ref:$.channels.inventory.commands",
      "title": "inventory-service receives on inventory.commands",
      "messages": [
        "$ref:$.channels.inventory.commands.messages.RestockProduct"
      ],
      "tags": [
        "$ref:$.info.tags[2]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "inventory-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "inventory-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/inventory/src/handlers/RestockProduct.ts`.",
      "x-parser-unique-object-id": "inventory-service.receives.inventory.commands"
    },
    "inventory-service.receives.order.events": {
      "action": "receive",
      "channel": "$ref:$.channels.order.events",
      "title": "inventory-service receives on order.events",
      "messages": [
        "$ref:$.channels.order.events.messages.OrderPlaced",
        "$ref:$.channels.order.events.messages.OrderCancelled",
        "$ref:$.channels.order.events.messages.OrderConfirmed"
      ],
      "tags": [
        "$ref:$.info.tags[2]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "inventory-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "inventory-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/inventory/src/handlers/OrderPlaced.ts`, `services/inventory/src/handlers/OrderCancelled.ts`, `services/inventory/src/handlers/OrderConfirmed.ts`.",
      "x-parser-unique-object-id": "inventory-service.receives.order.events"
    },
    "inventory-service.sends.inventory.events": {
      "action": "send",
      "channel": "$ref:$.channels.inventory.events",
      "title": "inventory-service sends on inventory.events",
      "messages": [
        "$ref:$.channels.inventory.events.messages.StockReserved",
        "$ref:$.channels.inventory.events.messages.StockReservationFailed",
        "$ref:$.channels.inventory.events.messages.StockReleased",
        "$ref:$.channels.inventory.events.messages.StockSold"
      ],
      "tags": [
        "$ref:$.info.tags[2]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "inventory-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "inventory-service.sends.inventory.events"
    },
    "inventory-service.sends.inventory.stock": {
      "action": "send",
      "channel": "$ref:$.channels.inventory.stock",
      "title": "inventory-service sends on inventory.stock",
      "messages": [
        "$ref:$.channels.inventory.stock.messages.StockLevelChanged"
      ],
      "tags": [
        "$ref:$.info.tags[2]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "inventory-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "inventory-service.sends.inventory.stock"
    },
    "inventory-service.sends.inventory-service.dlt": {
      "action": "send",
      "channel": "$ref:$.channels.inventory-service.dlt",
      "title": "inventory-service sends on inventory-service.dlt",
      "messages": [
        "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      ],
      "tags": [
        "$ref:$.info.tags[2]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "inventory-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Records it cannot decode, that break a business rule, or that still fail after the last retry.",
      "x-parser-unique-object-id": "inventory-service.sends.inventory-service.dlt"
    },
    "payment-service.receives.inventory.events": {
      "action": "receive",
      "channel": "$ref:$.channels.inventory.events",
      "title": "payment-service receives on inventory.events",
      "messages": [
        "$ref:$.channels.inventory.events.messages.StockReserved"
      ],
      "tags": [
        "$ref:$.info.tags[3]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "payment-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "payment-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/payment/src/handlers/StockReserved.ts`.",
      "x-parser-unique-object-id": "payment-service.receives.inventory.events"
    },
    "payment-service.receives.order.events": {
      "action": "receive",
      "channel": "$ref:$.channels.order.events",
      "title": "payment-service receives on order.events",
      "messages": [
        "$ref:$.channels.order.events.messages.OrderPlaced",
        "$ref:$.channels.order.events.messages.OrderCancelled"
      ],
      "tags": [
        "$ref:$.info.tags[3]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "payment-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "payment-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/payment/src/handlers/OrderPlaced.ts`, `services/payment/src/handlers/OrderCancelled.ts`.",
      "x-parser-unique-object-id": "payment-service.receives.order.events"
    },
    "payment-service.sends.payment.events": {
      "action": "send",
      "channel": "$ref:$.channels.payment.events",
      "title": "payment-service sends on payment.events",
      "messages": [
        "$ref:$.channels.payment.events.messages.PaymentCompleted",
        "$ref:$.channels.payment.events.messages.PaymentFailed",
        "$ref:$.channels.payment.events.messages.PaymentRefunded"
      ],
      "tags": [
        "$ref:$.info.tags[3]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "payment-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "payment-service.sends.payment.events"
    },
    "payment-service.sends.payment-service.dlt": {
      "action": "send",
      "channel": "$ref:$.channels.payment-service.dlt",
      "title": "payment-service sends on payment-service.dlt",
      "messages": [
        "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      ],
      "tags": [
        "$ref:$.info.tags[3]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "payment-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Records it cannot decode, that break a business rule, or that still fail after the last retry.",
      "x-parser-unique-object-id": "payment-service.sends.payment-service.dlt"
    },
    "shipping-service.receives.order.events": {
      "action": "receive",
      "channel": "$ref:$.channels.order.events",
      "title": "shipping-service receives on order.events",
      "messages": [
        "$ref:$.channels.order.events.messages.OrderPlaced",
        "$ref:$.channels.order.events.messages.OrderCancelled"
      ],
      "tags": [
        "$ref:$.info.tags[4]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "shipping-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "shipping-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/shipping/src/handlers/OrderPlaced.ts`, `services/shipping/src/handlers/OrderCancelled.ts`.",
      "x-parser-unique-object-id": "shipping-service.receives.order.events"
    },
    "shipping-service.receives.payment.events": {
      "action": "receive",
      "channel": "$ref:$.channels.payment.events",
      "title": "shipping-service receives on payment.events",
      "messages": [
        "$ref:$.channels.payment.events.messages.PaymentCompleted"
      ],
      "tags": [
        "$ref:$.info.tags[4]"
      ],
      "bindings": {
        "kafka": {
          "groupId": {
            "type": "string",
            "enum": [
              "shipping-service"
            ]
          },
          "clientId": {
            "type": "string",
            "enum": [
              "shipping-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Handled by `services/shipping/src/handlers/PaymentCompleted.ts`.",
      "x-parser-unique-object-id": "shipping-service.receives.payment.events"
    },
    "shipping-service.sends.shipping.events": {
      "action": "send",
      "channel": "$ref:$.channels.shipping.events",
      "title": "shipping-service sends on shipping.events",
      "messages": [
        "$ref:$.channels.shipping.events.messages.ShipmentScheduled",
        "$ref:$.channels.shipping.events.messages.ShipmentFailed",
        "$ref:$.channels.shipping.events.messages.ShipmentCancelled"
      ],
      "tags": [
        "$ref:$.info.tags[4]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "shipping-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "x-parser-unique-object-id": "shipping-service.sends.shipping.events"
    },
    "shipping-service.sends.shipping-service.dlt": {
      "action": "send",
      "channel": "$ref:$.channels.shipping-service.dlt",
      "title": "shipping-service sends on shipping-service.dlt",
      "messages": [
        "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
      ],
      "tags": [
        "$ref:$.info.tags[4]"
      ],
      "bindings": {
        "kafka": {
          "clientId": {
            "type": "string",
            "enum": [
              "shipping-service"
            ]
          },
          "bindingVersion": "0.5.0"
        }
      },
      "description": "Records it cannot decode, that break a business rule, or that still fail after the last retry.",
      "x-parser-unique-object-id": "shipping-service.sends.shipping-service.dlt"
    }
  },
  "components": {
    "securitySchemes": {
      "scram": "$ref:$.servers.local.security[0]"
    },
    "schemas": {
      "CancelOrder": "$ref:$.channels.order.commands.messages.CancelOrder.payload",
      "OrderCancelled": "$ref:$.channels.order.events.messages.OrderCancelled.payload",
      "OrderConfirmed": "$ref:$.channels.order.events.messages.OrderConfirmed.payload",
      "OrderPlaced": "$ref:$.channels.order.events.messages.OrderPlaced.payload",
      "PaymentCompleted": "$ref:$.channels.payment.events.messages.PaymentCompleted.payload",
      "PaymentFailed": "$ref:$.channels.payment.events.messages.PaymentFailed.payload",
      "PaymentRefunded": "$ref:$.channels.payment.events.messages.PaymentRefunded.payload",
      "PlaceOrder": "$ref:$.channels.order.commands.messages.PlaceOrder.payload",
      "RestockProduct": "$ref:$.channels.inventory.commands.messages.RestockProduct.payload",
      "ShipmentCancelled": "$ref:$.channels.shipping.events.messages.ShipmentCancelled.payload",
      "ShipmentFailed": "$ref:$.channels.shipping.events.messages.ShipmentFailed.payload",
      "ShipmentScheduled": "$ref:$.channels.shipping.events.messages.ShipmentScheduled.payload",
      "StockLevelChanged": "$ref:$.channels.inventory.stock.messages.StockLevelChanged.payload",
      "StockReleased": "$ref:$.channels.inventory.events.messages.StockReleased.payload",
      "StockReservationFailed": "$ref:$.channels.inventory.events.messages.StockReservationFailed.payload",
      "StockReserved": "$ref:$.channels.inventory.events.messages.StockReserved.payload",
      "StockSold": "$ref:$.channels.inventory.events.messages.StockSold.payload"
    },
    "messages": {
      "CancelOrder": "$ref:$.channels.order.commands.messages.CancelOrder",
      "OrderCancelled": "$ref:$.channels.order.events.messages.OrderCancelled",
      "OrderConfirmed": "$ref:$.channels.order.events.messages.OrderConfirmed",
      "OrderPlaced": "$ref:$.channels.order.events.messages.OrderPlaced",
      "PaymentCompleted": "$ref:$.channels.payment.events.messages.PaymentCompleted",
      "PaymentFailed": "$ref:$.channels.payment.events.messages.PaymentFailed",
      "PaymentRefunded": "$ref:$.channels.payment.events.messages.PaymentRefunded",
      "PlaceOrder": "$ref:$.channels.order.commands.messages.PlaceOrder",
      "RestockProduct": "$ref:$.channels.inventory.commands.messages.RestockProduct",
      "ShipmentCancelled": "$ref:$.channels.shipping.events.messages.ShipmentCancelled",
      "ShipmentFailed": "$ref:$.channels.shipping.events.messages.ShipmentFailed",
      "ShipmentScheduled": "$ref:$.channels.shipping.events.messages.ShipmentScheduled",
      "StockLevelChanged": "$ref:$.channels.inventory.stock.messages.StockLevelChanged",
      "StockReleased": "$ref:$.channels.inventory.events.messages.StockReleased",
      "StockReservationFailed": "$ref:$.channels.inventory.events.messages.StockReservationFailed",
      "StockReserved": "$ref:$.channels.inventory.events.messages.StockReserved",
      "StockSold": "$ref:$.channels.inventory.events.messages.StockSold",
      "DeadLetter": "$ref:$.channels.gateway-projection.dlt.messages.DeadLetter"
    },
    "tags": {
      "gateway": "$ref:$.info.tags[0]",
      "order-service": "$ref:$.info.tags[1]",
      "inventory-service": "$ref:$.info.tags[2]",
      "payment-service": "$ref:$.info.tags[3]",
      "shipping-service": "$ref:$.info.tags[4]"
    },
    "correlationIds": {
      "envelope": "$ref:$.channels.inventory.commands.messages.RestockProduct.correlationId"
    }
  },
  "x-parser-spec-parsed": true,
  "x-parser-api-version": 3,
  "x-parser-spec-stringified": true
};
    const config = {"show":{"sidebar":true},"sidebar":{"showOperations":"bySpecTags"}};
    const appRoot = document.getElementById('root');
    AsyncApiStandalone.render(
        { schema, config, }, appRoot
    );
  