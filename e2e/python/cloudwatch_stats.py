"""boto3 (CloudWatch over JSON 1.0 with this botocore) reads GetMetricStatistics for one metric
with one dimension and prints its datapoints, sorted by time, as JSON:
[{"t": epoch seconds, "Average", "Maximum", "Minimum", "Sum", "SampleCount", "Unit"}].
Arguments: namespace, metric name, dimension name, dimension value, start and end (epoch seconds)."""
import json
import os
import sys
from datetime import datetime, timezone

import boto3

namespace, metric, dim_name, dim_value, start, end = sys.argv[1:7]
cloudwatch = boto3.client('cloudwatch', endpoint_url=os.environ['BERTH_ENDPOINT'])
assert cloudwatch.meta.service_model.resolved_protocol == 'json', cloudwatch.meta.service_model.resolved_protocol
answer = cloudwatch.get_metric_statistics(
    Namespace=namespace,
    MetricName=metric,
    Dimensions=[{'Name': dim_name, 'Value': dim_value}],
    StartTime=datetime.fromtimestamp(int(start), timezone.utc),
    EndTime=datetime.fromtimestamp(int(end), timezone.utc),
    Period=60,
    Statistics=['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'],
)
points = [
    {'t': int(p['Timestamp'].timestamp()), **{k: p[k] for k in ('Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount', 'Unit')}}
    for p in answer['Datapoints']
]
print(json.dumps(sorted(points, key=lambda p: p['t'])))
