// The Node.js baseline of bench/cold-start.sh: the vendor's JavaScript sample for creating a session (its Flow
// Remote API page, with the Content-Type header the sample forgets) turned into a Lambda handler for an API
// Gateway HTTP API event. It makes the same vendor call as flowgate's createSession and answers the same kind of
// body, and does nothing else: no caller check, no validation beyond the flow, no idempotency, no store.
const apiUrl = process.env.VENDOR_API_URL; // e.g. https://kyc.biometric.kz
const flowUrl = process.env.VENDOR_FLOW_URL; // e.g. https://remote.biometric.kz/flow
const apiKey = process.env.FLOW_API_KEY;

const json = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const handler = async (event) => {
  const request = JSON.parse(event.body ?? '{}');
  if (request.flow !== 'individuals') {
    return json(400, { code: 'unknown_flow' });
  }
  const response = await fetch(`${apiUrl}/api/v1/flows/session/create/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: apiKey }),
  });
  if (!response.ok) {
    return json(502, { code: 'upstream_error' });
  }
  const { session_id, technologies } = await response.json();
  const verificationUrl = `${flowUrl}/${encodeURIComponent(session_id)}?locale=${request.locale === 'ru' ? 'ru' : 'en'}`;
  return json(200, { sessionId: session_id, verificationUrl, technologies });
};
