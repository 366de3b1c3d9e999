// Runs s3rver (the pinned npm package) on 127.0.0.1 for tests.
//   node server.js <node_modules dir> <data dir> [bucket,bucket,...]
// Listens on a free port, prints one line {"port": N} once it accepts requests, and exits when its stdin closes
// (so it never outlives the test that started it) or on SIGTERM/SIGINT. Accepts virtual-host requests to
// <bucket>.s3.localhost:<port>. Credentials: access key S3RVER, secret S3RVER (s3rver's built-in account).
'use strict';
const path = require('path');
const [modules, directory, bucketList] = process.argv.slice(2);
if (!modules || !directory) {
  process.stderr.write('usage: node server.js <node_modules dir> <data dir> [bucket,...]\n');
  process.exit(2);
}
const S3rver = require(path.join(path.resolve(modules), 's3rver'));
const buckets = (bucketList || '').split(',').filter(Boolean).map((name) => ({ name, configs: [] }));
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory,
  silent: true,
  serviceEndpoint: 'localhost',
  configureBuckets: buckets,
});
server.run().then(
  ({ port }) => process.stdout.write(JSON.stringify({ port }) + '\n'),
  (err) => {
    process.stderr.write(`s3rver failed to start: ${err.stack || err}\n`);
    process.exit(1);
  },
);
const stop = () => process.exit(0);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
