#!/usr/bin/env bash
# Makes the institution's own certificate authority and a certificate for its PostgreSQL server (for IT).
#   bash scripts/server-certificates.sh <folder> <server name> [<server IP address>]
# Writes ca.crt (give it to every workstation: Familiespor asks for it at setup), ca.key (keep it offline, it signs
# new server certificates), server.crt and server.key (for the server: ssl_cert_file and ssl_key_file). Workstations
# refuse a server whose certificate was not signed by this CA or does not carry the name they connect to.
set -euo pipefail
out="${1:?folder}"; name="${2:?server name}"; ip="${3:-}"
mkdir -p "$out"; cd "$out"
umask 077
san="DNS:${name}"
[ -n "$ip" ] && san="${san},IP:${ip}"
if [ ! -f ca.key ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -sha256 -nodes -days 3650 -keyout ca.key -out ca.crt -subj "/CN=Familiespor institutionens CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -sha256 -nodes -keyout server.key -out server.csr -subj "/CN=${name}" 2>/dev/null
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -sha256 -out server.crt \
  -extfile <(printf "subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n" "$san") 2>/dev/null
rm -f server.csr ca.srl
chmod 644 ca.crt server.crt
echo "Lavet i ${out}: ca.crt (til arbejdsstationerne), ca.key (opbevares offline), server.crt og server.key (til serveren)."
