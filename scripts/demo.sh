#!/usr/bin/env bash
# Plays one order's whole post-purchase timeline against a running `scripts/run.sh --simulate`:
# places an order, sends signed carrier webhooks (generic, AfterShip and EasyPost formats, signed
# with openssl like the providers do), moves the simulated clock through the weeks after delivery,
# then prints the order's timeline and every message PostPurchase decided to send.
#
#   scripts/demo.sh            against http://localhost:5080 (POSTPURCHASE_PORT changes the port)
set -euo pipefail
cd "$(dirname "$0")/.."

base="http://localhost:${POSTPURCHASE_PORT:-5080}"
settings=local.settings.json
for tool in curl node openssl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "demo.sh needs $tool." >&2; exit 1; }
done
[ -f "$settings" ] || { echo "No $settings yet: start 'scripts/run.sh --simulate' first." >&2; exit 1; }
setting() { node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).Values || {}; process.stdout.write(v[process.argv[2]] || "")' "$settings" "$1"; }
api_key=$(setting PostPurchase__ApiKey)

curl -fsS "$base/health" >/dev/null 2>&1 || { echo "PostPurchase does not answer at $base; start 'scripts/run.sh --simulate' first." >&2; exit 1; }
clock=$(curl -sS "$base/api/dev/clock")
case "$clock" in
  *'"now"'*) ;;
  *) echo "The clock is not simulated; restart with 'scripts/run.sh --simulate'." >&2; exit 1 ;;
esac

# json EXPR: evaluates a JavaScript expression with `now` (the simulated time) and prints it as JSON.
now=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).now)' "$clock")
json() { node -e 'const now = new Date(process.argv[1]); const at = h => new Date(now.getTime() + h * 3600e3).toISOString(); process.stdout.write(JSON.stringify(eval("(" + process.argv[2] + ")")))' "$now" "$1"; }
pretty() { node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => { try { console.log(JSON.stringify(JSON.parse(s), null, 2)); } catch { console.log(s); } })'; }

step() { printf '\n== %s\n' "$*"; }
merchant() { curl -sS -X "$1" "$base$2" -H "x-functions-key: $api_key" -H 'content-type: application/json' ${3:+-d "$3"}; }
advance() {
  local result
  result=$(curl -sS -X POST "$base/api/dev/clock/advance" -H 'content-type: application/json' -d "{\"by\":\"$1\"}")
  echo "   clock moved by $1 -> $(node -e 'process.stdout.write(JSON.parse(process.argv[1]).now)' "$result")"
}
# webhook PROVIDER HEADER ENCODING BODY: signs BODY with the provider's secret (hex or base64 HMAC-SHA256) and posts it.
webhook() {
  local provider=$1 header=$2 encoding=$3 body=$4 secret signature
  secret=$(setting "PostPurchase__Carriers__${provider}__Secret")
  if [ "$encoding" = base64 ]; then
    signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A)
  else
    signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
  fi
  case "$provider" in
    easypost) signature="hmac-sha256-hex=$signature" ;;
    generic) signature="sha256=$signature" ;;
  esac
  printf '   %s webhook -> ' "$provider"
  curl -sS -X POST "$base/api/webhooks/carriers/$provider" -H 'content-type: application/json' -H "$header: $signature" --data-binary "$body"
  echo
}

suffix=$(node -e 'process.stdout.write(Date.now().toString(36).toUpperCase())')
order_id="DEMO-$suffix"
tracking="3SDEMO$suffix"

step "1. The shop posts order $order_id (a T-shirt and a serum; SMS updates allowed)"
order=$(json "{
  orderId: '$order_id', placedAt: at(0), currency: 'EUR', paymentMethod: 'iDEAL',
  customer: { firstName: 'Anna', lastName: 'de Vries', email: 'anna@example.com', phone: '+31612345678',
              locale: 'nl', timeZone: 'Europe/Amsterdam', consent: { sms: true, whatsapp: false } },
  items: [ { sku: 'TEE-M-BLK', name: 'Organic T-shirt, black, M', category: 'apparel', quantity: 2, unitPrice: 19.50 },
           { sku: 'SERUM-30', name: 'Hydrating serum 30 ml', category: 'skincare', quantity: 1, unitPrice: 34.95 } ],
  totals: { subtotal: 73.95, discount: 5.00, shipping: 4.95, tax: 12.83, total: 73.90 },
  shippingAddress: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
  promise: { shipBy: at(24), deliverBy: at(96) },
  shipments: [ { carrier: 'postnl', trackingNumber: '$tracking' } ] }")
merchant POST /api/orders "$order" | pretty

step "2. Three hours later the carrier scans the parcel (generic format)"
advance PT3H
webhook generic X-PostPurchase-Signature hex "$(json "{ eventId: 'demo-$suffix-1', carrier: 'postnl', trackingNumber: '$tracking',
  status: 'in-transit', occurredAt: at(2.75), location: 'Amsterdam sorting centre' }")"
advance PT0S

step "3. The next day it is out for delivery (AfterShip format)"
advance PT20H30M
webhook aftership aftership-hmac-sha256 base64 "$(json "{ event: 'tracking_update', event_id: 'demo-$suffix-2', ts: Math.floor(now.getTime() / 1000),
  msg: { tracking_number: '$tracking', slug: 'postnl', tag: 'OutForDelivery', subtag: 'OutForDelivery_001',
         checkpoints: [ { checkpoint_time: at(23.25), message: 'Out for delivery', tag: 'OutForDelivery', location: 'Amsterdam' } ] } }")"
advance PT0S

step "4. Four hours later it is delivered (EasyPost format)"
advance PT4H
webhook easypost X-Hmac-Signature hex "$(json "{ id: 'evt_demo$suffix', object: 'Event', description: 'tracker.updated', mode: 'test',
  result: { id: 'trk_demo', object: 'Tracker', tracking_code: '$tracking', carrier: 'PostNL', status: 'delivered', status_detail: 'arrived_at_destination',
            tracking_details: [ { datetime: at(27.3), message: 'Delivered', status: 'delivered', tracking_location: { city: 'Amsterdam', country: 'NL' } } ] } }")"
advance PT0S

step "5. Five weeks pass: survey, review requests, return window"
advance P35D

step "6. The order as the merchant API shows it"
merchant GET "/api/orders/$order_id" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const o = JSON.parse(s);
    console.log(`   status ${o.status}, expected delivery ${o.expectedDelivery}, completed ${o.completed}`);
    for (const e of o.timeline) {
      const what = e.kind === "tracking-event" ? `scan    ${e.trackingStatus}${e.location ? " @ " + e.location : ""}` : `message ${e.intent} by ${e.channel} (${e.messageStatus}${e.reason ? ", " + e.reason : ""})`;
      console.log(`   ${e.at}  ${what}`);
    }
    console.log(`   next step: ${o.nextStep ? o.nextStep.kind + " at " + o.nextStep.at : "none"}`);
  })'

step "7. Every message (GET /api/orders/$order_id/messages)"
merchant GET "/api/orders/$order_id/messages" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    for (const m of JSON.parse(s)) {
      console.log(`   ${m.sentAt || m.scheduledFor}  ${m.intent.padEnd(22)} ${m.channel.padEnd(5)} ${m.status.padEnd(10)} ${m.to || "-"}`);
      console.log(`      ${m.subject || (m.body || "").split("\n")[0].slice(0, 100)}`);
    }
  })'
echo
echo "The API reference is at $base/scalar."
