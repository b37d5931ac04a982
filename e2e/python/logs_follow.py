"""boto3 follows a log stream the way `aws logs tail --follow` does (the CLI v1 here has no `tail`):
GetLogEvents from the head, then the forward token again and again until WANTED events arrived or
the deadline passed. At the end of the stream GetLogEvents returns the token it was given, so
the follower polls with the same token until new events come. Prints one JSON line per event
({"timestamp", "message"}) and exits non-zero when fewer than WANTED arrived.
Arguments: region, log group, log stream, wanted count, deadline in seconds."""
import json
import os
import sys
import time

import boto3
from botocore.exceptions import ClientError

region, group, stream, wanted, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
logs = boto3.client('logs', endpoint_url=os.environ['BERTH_ENDPOINT'], region_name=region)
deadline = time.monotonic() + seconds
seen = 0
token = None
while seen < wanted and time.monotonic() < deadline:
    request = {'logGroupName': group, 'logStreamName': stream, 'startFromHead': True}
    if token:
        request['nextToken'] = token
    try:
        page = logs.get_log_events(**request)
    except ClientError as error:
        if error.response['Error']['Code'] != 'ResourceNotFoundException':
            raise
        time.sleep(0.2)  # the stream is created when the container starts
        continue
    for event in page['events']:
        print(json.dumps({'timestamp': event['timestamp'], 'message': event['message']}), flush=True)
        seen += 1
    if page['nextForwardToken'] == token:
        time.sleep(0.2)
    token = page['nextForwardToken']
sys.exit(0 if seen >= wanted else 1)
