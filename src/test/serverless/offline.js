'use strict';
// Preloaded (node --require) into `serverless package` by ServerlessPackageIT, never in a deployment: packaging
// must not reach AWS or the internet (CI has no credentials and no internet).
//
// - Every AWS request of the framework goes through the AWS provider's request(): it answers the two that variable
//   sources make, SSM getParameter (${ssm:...}) with a stand-in value that names the parameter, and STS
//   getCallerIdentity (${aws:accountId}) with a documentation account id; any other request fails at once.
// - Any other network connection (telemetry, notifications, update checks) fails at once instead of waiting.

const net = require('net');
const path = require('path');

const STAND_IN_ACCOUNT = '123456789012';

const providerModule = require.resolve('serverless/lib/plugins/aws/provider.js', { paths: [__dirname] });
const AwsProvider = require(providerModule);

AwsProvider.prototype.request = async function offlineRequest(service, method, params) {
  if (service === 'SSM' && method === 'getParameter') {
    return { Parameter: { Name: params.Name, Type: 'String', Value: `offline-ssm:${params.Name}` } };
  }
  if (service === 'STS' && method === 'getCallerIdentity') {
    return { Account: STAND_IN_ACCOUNT, Arn: `arn:aws:iam::${STAND_IN_ACCOUNT}:user/offline`, UserId: 'OFFLINE' };
  }
  throw new Error(`offline packaging: serverless asked AWS for ${service}.${method}, which ${path.basename(__filename)} `
    + 'does not stand in for');
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function offlineConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]; // net.connect() hands over its normalized arguments
  const options = typeof first === 'object' && first !== null ? first : {};
  if (options.path || typeof first === 'string') {
    return connect.apply(this, args); // a local (IPC) socket
  }
  const host = options.host || 'localhost';
  const error = new Error(`offline packaging: no network connection (to ${host})`);
  error.code = 'ECONNREFUSED';
  process.nextTick(() => this.destroy(error));
  return this;
};
