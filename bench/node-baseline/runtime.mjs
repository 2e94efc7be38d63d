// A minimal Lambda runtime loop for handler.mjs against the Lambda Runtime API (AWS_LAMBDA_RUNTIME_API), as the
// managed Node.js runtime runs a handler: take the next event, call the handler, post its answer or its error.
// It is lighter than AWS's own runtime client (no logging set-up, no context object), which favours Node.js.
import { handler } from './handler.mjs';

const runtime = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;

for (;;) {
  const next = await fetch(`${runtime}/invocation/next`);
  const requestId = next.headers.get('lambda-runtime-aws-request-id');
  const event = await next.json();
  try {
    const result = await handler(event);
    await (await fetch(`${runtime}/invocation/${requestId}/response`, { method: 'POST', body: JSON.stringify(result) })).text();
  } catch (error) {
    await (await fetch(`${runtime}/invocation/${requestId}/error`, {
      method: 'POST',
      body: JSON.stringify({ errorType: error.name, errorMessage: error.message }),
    })).text();
  }
}
