#!/usr/bin/env bash
# Regenerates the lab's throwaway TLS material. The CA is trusted by nothing but this repository's tests.
set -euo pipefail
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days $days \
  -subj "/CN=azure-identity-diagnostics TEST CA - NOT TRUSTED ANYWHERE" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
  -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days $days \
  -extfile server.ext 2>/dev/null
# A client certificate for ClientCertificateCredential: PEM with key, an encrypted-key variant, and a non-PEM file.
openssl req -x509 -newkey rsa:2048 -nodes -keyout client.key -out client.crt -days $days \
  -subj "/CN=lab-client-certificate" 2>/dev/null
cat client.crt client.key > client.pem
openssl pkey -in client.key -aes256 -passout pass:lab-cert-password -out client-encrypted.key 2>/dev/null
cat client.crt client-encrypted.key > client-encrypted.pem
printf 'this file is not a PEM certificate\n' > not-a-certificate.pem
rm -f server.csr server.ext ca.srl
