#!/usr/bin/env bash
# Makes a signed deposit for deposits.http (and curl): writes http/deposit.json from deposit.template.json and prints
# the @timestamp and @signature lines to paste over those in deposits.http. Sign again before each send: the server
# refuses a timestamp more than 5 minutes from its clock, and a new reference is a new deposit.
#
#   http/sign-webhook.sh <account_number> [amount=100.50] [currency=SGD] [reference=dep-<random>]
#
# x-signature = lowercase hex HMAC-SHA256 of "<x-timestamp>." followed by the exact body bytes, keyed with the tenant's
# webhook secret. Settings: WEBHOOK_SECRET (default dev-webhook-secret), TIMESTAMP (default now, Unix seconds),
# DEPOSIT_FILE (default http/deposit.json next to this script).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
account="${1:?usage: sign-webhook.sh <account_number> [amount] [currency] [reference]}"
amount="${2:-100.50}"
currency="${3:-SGD}"
reference="${4:-dep-$(date +%s)-$RANDOM}"
secret="${WEBHOOK_SECRET:-dev-webhook-secret}"
timestamp="${TIMESTAMP:-$(date +%s)}"
out="${DEPOSIT_FILE:-$here/deposit.json}"

# No trailing newline: the file's bytes are the body the HTTP client sends and the signature covers.
sed -e "s/REFERENCE/$reference/" -e "s/ACCOUNT_NUMBER/$account/" -e "s/AMOUNT/$amount/" -e "s/CURRENCY/$currency/" \
  "$here/deposit.template.json" | tr -d '\n' > "$out"
signature="$({ printf '%s.' "$timestamp"; cat "$out"; } | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')"

echo "@timestamp = $timestamp"
echo "@signature = $signature"
echo "@reference = $reference"
echo "# or: curl -s -X POST http://127.0.0.1:7071/webhooks/deposits -H 'x-api-key: dev-api-key' -H 'Content-Type: application/json' \\"
echo "#       -H 'x-timestamp: $timestamp' -H 'x-signature: $signature' --data-binary @$out"
