"""boto3 against Berth's CloudWatch Logs (BERTH_ENDPOINT): puts 25 events in one batch, reads them
with GetLogEvents 10 at a time forward from the head and backward from the tail, each until the
token passed in comes back unchanged, and checks FilterLogEvents pages to the end (no nextToken).
Arguments: a log group and a log stream that exist. Exits non-zero on the first failed check."""
import os
import sys
import time

import boto3

group, stream = sys.argv[1], sys.argv[2]
logs = boto3.client('logs', endpoint_url=os.environ['BERTH_ENDPOINT'])

now = int(time.time() * 1000)
put = logs.put_log_events(logGroupName=group, logStreamName=stream,
                          logEvents=[{'timestamp': now - 25 + i, 'message': f'line {i:02d}'} for i in range(25)])
assert 'rejectedLogEventsInfo' not in put, put


def read_all(start_from_head, token_key):
    pages, seen, token = [], [], None
    while True:
        kwargs = {'nextToken': token} if token else {}
        page = logs.get_log_events(logGroupName=group, logStreamName=stream, limit=10,
                                   startFromHead=start_from_head, **kwargs)
        if token is not None and page[token_key] == token:
            assert page['events'] == [], page
            return pages, seen
        pages.append(len(page['events']))
        seen += [e['message'] for e in page['events']] if start_from_head else [
            e['message'] for e in reversed(page['events'])]
        token = page[token_key]
        assert len(pages) < 10, pages


forward_pages, forward = read_all(True, 'nextForwardToken')
assert forward_pages == [10, 10, 5], forward_pages
assert forward == [f'line {i:02d}' for i in range(25)], forward
backward_pages, backward = read_all(False, 'nextBackwardToken')
assert backward_pages == [10, 10, 5], backward_pages
assert backward == [f'line {i:02d}' for i in reversed(range(25))], backward

filtered, token = [], None
while True:
    page = logs.filter_log_events(logGroupName=group, filterPattern='line', limit=7,
                                  **({'nextToken': token} if token else {}))
    filtered += [e['message'] for e in page['events']]
    token = page.get('nextToken')
    if token is None:
        break
assert filtered == [f'line {i:02d}' for i in range(25)], filtered
print('ok')
