#!/usr/bin/env bash
# Makes a local CA and the broker's certificate, once: tls.sh DIR. Writes DIR/ca.pem (what clients trust,
# KAFKA_SSL_CA_LOCATION) and DIR/broker.p12 (the broker's key and chain). The certificate names every
# address a client uses: localhost, 127.0.0.1 (the native broker and compose's host listener) and kafka
# (compose's network). For local use only: the CA's key stays in DIR/ca.p12 beside them.
# Self-contained (keytool only), since the compose stack runs it in the Kafka image (tls-init).
# KAFKA_TLS_PASSWORD protects the keystores; its default is a LOCAL DEVELOPMENT DEFAULT.
set -euo pipefail
dir="${1:?usage: tls.sh DIR}"
pw="${KAFKA_TLS_PASSWORD:-dev-only-keystore-password}"
[ -f "$dir/ca.pem" ] && [ -f "$dir/broker.p12" ] && exit 0
mkdir -p "$dir"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
kt() { keytool -storetype PKCS12 -storepass "$pw" "$@"; }
kt -genkeypair -keystore "$tmp/ca.p12" -alias ca -dname "CN=saga-reference local CA" -ext bc:c \
  -keyalg RSA -keysize 2048 -validity 3650
kt -exportcert -keystore "$tmp/ca.p12" -alias ca -rfc -file "$tmp/ca.pem"
kt -genkeypair -keystore "$tmp/broker.p12" -alias broker -dname "CN=kafka" -keyalg RSA -keysize 2048 -validity 825
kt -certreq -keystore "$tmp/broker.p12" -alias broker -file "$tmp/broker.csr"
kt -gencert -keystore "$tmp/ca.p12" -alias ca -infile "$tmp/broker.csr" -outfile "$tmp/broker.pem" -rfc -validity 825 \
  -ext SAN=dns:localhost,dns:kafka,ip:127.0.0.1 -ext KU=digitalSignature,keyEncipherment -ext EKU=serverAuth
kt -importcert -keystore "$tmp/broker.p12" -alias ca -file "$tmp/ca.pem" -noprompt
kt -importcert -keystore "$tmp/broker.p12" -alias broker -file "$tmp/broker.pem"
chmod 644 "$tmp/ca.pem" "$tmp/broker.p12"
mv "$tmp/ca.p12" "$tmp/broker.p12" "$tmp/ca.pem" "$dir/"
