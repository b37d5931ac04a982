/**
 * The request headers ALB adds before forwarding: X-Forwarded-For (the client appended to what
 * came in), X-Forwarded-Proto and X-Forwarded-Port (overwritten), and X-Amzn-Trace-Id.
 *
 * Trace ids: a request without one gets `Root=1-<8 hex epoch seconds>-<24 hex random>`. When the
 * incoming header already holds a Root, ALB keeps the whole header and puts a `Self=` field of the
 * same shape in front (`Self=1-…;Root=1-…`), so tracing across hops still works; we do the same.
 * A header without a Root is replaced by a fresh Root, as ALB does.
 */
import type { ListenerPlan } from '../model/lb-model.js';

const TRACE_ID =
  '1-%[date,htonl,hex,lower]-%[rand,htonl,hex,lower]%[rand,htonl,hex,lower]%[rand,htonl,hex,lower]';

export const renderAlbHeaders = (listener: ListenerPlan): string[] => {
  const proto = listener.protocol.toLowerCase();
  return [
    // Rules run in order and each sees the previous one's work: most occurrences first.
    // Several X-Forwarded-For lines are one comma-joined list (RFC 9110): one more line appends to it.
    `    http-request add-header X-Forwarded-For "%[src]" if { req.fhdr_cnt(x-forwarded-for) gt 1 }`,
    `    http-request set-header X-Forwarded-For "%[req.fhdr(x-forwarded-for)], %[src]" if { req.fhdr_cnt(x-forwarded-for) eq 1 }`,
    `    http-request set-header X-Forwarded-For "%[src]" if { req.fhdr_cnt(x-forwarded-for) eq 0 }`,
    `    http-request set-header X-Forwarded-Proto ${proto}`,
    `    http-request set-header X-Forwarded-Port ${listener.port}`,
    `    http-request set-header X-Amzn-Trace-Id "Self=${TRACE_ID};%[req.fhdr(x-amzn-trace-id)]" if { req.fhdr(x-amzn-trace-id) -m reg -i (^|;)Root= }`,
    `    http-request set-header X-Amzn-Trace-Id "Root=${TRACE_ID}" unless { req.fhdr(x-amzn-trace-id) -m reg -i (^|;)Root= }`,
  ];
};
