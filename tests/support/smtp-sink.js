// A real SMTP server for PostPurchase's tests (the npm package smtp-server).
// Usage: node smtp-sink.js <outDir> [port] — port 0 (default) picks a free port.
// Prints "listening <port>" once ready, writes every received message to <outDir>/<n>.eml,
// and exits when stdin closes, so a test that dies never leaves it running.
// With SMTP_SINK_USER and SMTP_SINK_PASSWORD set, AUTH is required and checked.
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const outDir = process.argv[2];
const port = Number(process.argv[3] || 0);
if (!outDir) {
  console.error('usage: node smtp-sink.js <outDir> [port]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const user = process.env.SMTP_SINK_USER;
const password = process.env.SMTP_SINK_PASSWORD;
let count = 0;

const server = new SMTPServer({
  disabledCommands: user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
  authOptional: !user,
  allowInsecureAuth: true,
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === user && auth.password === password) {
      callback(null, { user: auth.username });
    } else {
      callback(new Error('Invalid username or password'));
    }
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      count += 1;
      const file = path.join(outDir, `${String(count).padStart(4, '0')}.eml`);
      fs.writeFileSync(file, Buffer.concat(chunks));
      console.log(`received ${file}`);
      callback();
    });
  },
});

server.on('error', (err) => console.error(`smtp-sink error: ${err.message}`));
server.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.server.address().port}`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
